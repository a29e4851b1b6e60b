// The page (docs/web.md): the questionnaire of `tne init --interactive`, part by part, in English or
// Spanish; the report `tne assess --format html` of the answers so far, redrawn as they change; the
// plan `tne plan --format html` toward a model the officer picks; open and save the YAML profile.
// Everything comes from the engine (tne_api.js): the questions, the checks of each answer, the
// profile's YAML (what `tne init` writes), the report and the plan. Answers are kept in this
// browser's localStorage as they are given; nothing leaves the page.
"use strict";
(function () {
  const words = {
    en: {
      title: "TNE readiness: self-assessment",
      privacy:
        "This page works offline: your answers stay on this computer, in this browser, and are never sent anywhere.",
      language: "Language",
      open: "Open a profile (YAML)",
      save: "Save the profile (YAML)",
      clear: "Start again",
      print: "Print the report (A4)",
      questionnaire: "Questionnaire",
      parts: "Parts",
      problems: "Some answers of the file were left out: they are asked again below.",
      report: "Assessment report",
      reportNeeds: "The report needs these answers first:",
      plan: "Plan",
      target: "Plan toward the model",
      nextStep: "The next step of the suggested pathway",
      loading: "Loading the engine…",
      ready: "Answer the questions: the report on the right follows your answers.",
      restored: (count) => `${count} answers restored from this browser.`,
      opened: (file, count) => `${file} opened: ${count} answers filled in.`,
      saved: (file) => `Profile saved as ${file}.`,
      fixFirst: "Some answers are not valid (marked in red): correct them before saving.",
      cleared: "All answers cleared.",
      confirmClear: "Clear every answer kept in this browser?",
      unreadable: (file, reason) => `${file} could not be read: ${reason}`,
      notProfile: (file) => `${file} is not a profile:`,
      broken: (reason) => `The engine did not start: ${reason}`,
      progress: (answered, total, known) =>
        `Answered ${answered} of ${total} questions (${known} known; "don't know" lowers the report's coverage, not its score).`,
      partProgress: (answered, total) => `${answered} of ${total} answered`,
      partOf: (part, parts) => `Part ${part} of ${parts}`,
      required: " (required)",
      annex: "Annex:",
      dontKnow: "Don't know",
      none: "None of these",
      answer: "Your answer",
      evidence: "Evidence (optional): where this answer comes from",
      source: "Source (document, system or record)",
      date: "Date last checked",
      owner: "Owner (who keeps it up to date)",
      previous: "Previous part",
      next: "Next part",
      reportShown: (date) => `Redrawn with every answer; dated ${date}. Print the page for the whole report on A4.`,
      planNone: "Every step of the suggested pathway is already within reach: pick a model for its plan.",
      planFailed: "No plan:",
      fileName: "profile.yaml",
    },
    es: {
      title: "Preparación para la ETN: autoevaluación",
      privacy:
        "Esta página funciona sin conexión: sus respuestas se quedan en este equipo, en este navegador, y nunca se envían a ninguna parte.",
      language: "Idioma",
      open: "Abrir un perfil (YAML)",
      save: "Guardar el perfil (YAML)",
      clear: "Empezar de nuevo",
      print: "Imprimir el informe (A4)",
      questionnaire: "Cuestionario",
      parts: "Partes",
      problems: "Algunas respuestas del archivo se dejaron fuera: se vuelven a preguntar abajo.",
      report: "Informe de evaluación",
      reportNeeds: "El informe necesita antes estas respuestas:",
      plan: "Plan",
      target: "Plan hacia el modelo",
      nextStep: "El siguiente paso de la ruta sugerida",
      loading: "Cargando el motor…",
      ready: "Responda las preguntas: el informe de la derecha sigue sus respuestas.",
      restored: (count) => `${count} respuestas recuperadas de este navegador.`,
      opened: (file, count) => `${file} abierto: ${count} respuestas completadas.`,
      saved: (file) => `Perfil guardado como ${file}.`,
      fixFirst: "Algunas respuestas no son válidas (marcadas en rojo): corríjalas antes de guardar.",
      cleared: "Se borraron todas las respuestas.",
      confirmClear: "¿Borrar todas las respuestas guardadas en este navegador?",
      unreadable: (file, reason) => `No se pudo leer ${file}: ${reason}`,
      notProfile: (file) => `${file} no es un perfil:`,
      broken: (reason) => `El motor no se inició: ${reason}`,
      progress: (answered, total, known) =>
        `Respondidas ${answered} de ${total} preguntas (${known} conocidas; "no sé" baja la cobertura del informe, no su puntaje).`,
      partProgress: (answered, total) => `${answered} de ${total} respondidas`,
      partOf: (part, parts) => `Parte ${part} de ${parts}`,
      required: " (obligatoria)",
      annex: "Anexo:",
      dontKnow: "No sé",
      none: "Ninguna de estas",
      answer: "Su respuesta",
      evidence: "Evidencia (opcional): de dónde sale esta respuesta",
      source: "Fuente (documento, sistema o registro)",
      date: "Fecha de la última revisión",
      owner: "Responsable (quién la mantiene al día)",
      previous: "Parte anterior",
      next: "Parte siguiente",
      reportShown: (date) =>
        `Se vuelve a trazar con cada respuesta; fecha ${date}. Imprima la página para tener el informe completo en A4.`,
      planNone: "Cada paso de la ruta sugerida ya está al alcance: elija un modelo para ver su plan.",
      planFailed: "Sin plan:",
      fileName: "perfil.yaml",
    },
  };

  // What is kept in localStorage, so that closing the tab or reloading loses nothing.
  const kStore = "tne-questionnaire-v1";
  // A typed answer's report waits this long for the next keystroke, so typing a number redraws it once.
  const kDebounceMs = 40;

  const $ = (id) => document.getElementById(id);
  const languageChoice = $("lang");
  const fileInput = $("profile");
  const saveButton = $("save");
  const clearButton = $("clear");
  const printButton = $("print");
  const status = $("status");
  const form = $("questionnaire");
  const partList = $("part-list");
  const progressLine = $("progress");
  const problems = $("problems");
  const problemList = $("problem-list");
  const frame = $("report");
  const reportStatus = $("report-status");
  const reportProblems = $("report-problems");
  const reportProblemList = $("report-problem-list");
  const targetChoice = $("target");
  const planFrame = $("plan");
  const planStatus = $("plan-status");

  // The officer's work: answers by question path ({value} or {unknown: true}), evidence by path,
  // the part shown, the file name, the plan's target.
  let state = { lang: null, answers: {}, evidence: {}, part: 0, fileName: null, target: "" };
  let lang = (navigator.language || "en").toLowerCase().startsWith("es") ? "es" : "en";
  let questionnaire = null; // tne.questionnaire(lang)
  let latest = null; // tne.profileOf(...) of the answers as they are now
  let statusKey = "loading";
  let statusArgs = [];
  let fileProblems = []; // the lines of the problems of the profile last opened
  let pending = 0;

  function say(key, ...args) {
    const text = words[lang][key];
    return typeof text === "function" ? text(...args) : text;
  }

  function setStatus(key, ...args) {
    statusKey = key;
    statusArgs = args;
    status.textContent = say(key, ...args);
  }

  function element(tag, attributes = {}, ...children) {
    const made = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (value === false || value === undefined || value === null) continue;
      if (name === "text") made.textContent = value;
      else made.setAttribute(name, value === true ? "" : value);
    }
    made.append(...children);
    return made;
  }

  function keep() {
    try {
      localStorage.setItem(kStore, JSON.stringify(state));
    } catch (error) {
      // A browser that keeps nothing (private mode, storage full) still runs the questionnaire.
    }
  }

  function restore() {
    try {
      const kept = JSON.parse(localStorage.getItem(kStore) || "null");
      if (kept && typeof kept === "object" && kept.answers && typeof kept.answers === "object") {
        state = { ...state, ...kept, evidence: kept.evidence || {} };
        if (kept.lang === "en" || kept.lang === "es") lang = kept.lang;
      }
    } catch (error) {
      // Unreadable: start afresh.
    }
  }

  const idOf = (path) => path.replace(/[^A-Za-z0-9_-]/g, "-");
  const fileName = () => state.fileName || say("fileName");

  // ---- The questionnaire, drawn from the engine's description of it.

  function questionElement(question) {
    const id = idOf(question.path);
    const described = [];
    const fieldset = element("fieldset", { class: "question", id: `q-${id}`, "data-path": question.path });
    fieldset.append(element("legend", { text: `${question.number}. ${question.text}${question.required ? say("required") : ""}` }));
    if (question.help) {
      fieldset.append(element("p", { class: "help", id: `help-${id}`, text: question.help }));
      described.push(`help-${id}`);
    }
    if (question.values.length === 0 && question.allowed) {
      fieldset.append(element("p", { class: "allowed", id: `allowed-${id}`, text: question.allowed }));
      described.push(`allowed-${id}`);
    }
    if (question.annex.length > 0) {
      const sections = question.annex.map((section) => (section.title ? `${section.id} ${section.title}` : section.id));
      fieldset.append(element("p", { class: "annex", text: `${say("annex")} ${sections.join("; ")}` }));
    }
    const error = element("p", { class: "error", id: `error-${id}`, hidden: true });
    described.push(`error-${id}`);
    const describedBy = described.join(" ");

    if (question.type === "choice" || question.type === "yes_partial_no" || question.type === "list") {
      const many = question.type === "list";
      const options = element("div", { class: "options" });
      question.values.forEach((value, index) => {
        const input = element("input", {
          type: many ? "checkbox" : "radio", name: question.path, id: `v-${id}-${index}`, value: value.id,
          "aria-describedby": describedBy,
        });
        options.append(element("label", { for: `v-${id}-${index}` }, input, value.label));
      });
      if (many) {
        const input = element("input", { type: "checkbox", name: question.path, id: `none-${id}`, "data-kind": "none",
                                          "aria-describedby": describedBy });
        options.append(element("label", { for: `none-${id}` }, input, say("none")));
      }
      if (!question.required) {
        const input = element("input", { type: many ? "checkbox" : "radio", name: question.path, id: `unknown-${id}`,
                                          "data-kind": "unknown", "aria-describedby": describedBy });
        options.append(element("label", { for: `unknown-${id}`, class: "unknown" }, input, say("dontKnow")));
      }
      fieldset.append(options);
    } else {
      const field = element("div", { class: "field" });
      field.append(element("label", { for: `in-${id}`, text: say("answer") }));
      field.append(element("input", {
        type: "text", id: `in-${id}`, name: question.path, "data-kind": "typed", autocomplete: "off",
        inputmode: question.type === "text" ? false : "decimal", "aria-describedby": describedBy,
        "aria-required": question.required ? "true" : false,
      }));
      fieldset.append(field);
      if (!question.required) {
        const input = element("input", { type: "checkbox", name: question.path, id: `unknown-${id}`,
                                          "data-kind": "unknown", "aria-describedby": describedBy });
        fieldset.append(element("div", { class: "options" },
                                element("label", { for: `unknown-${id}`, class: "unknown" }, input, say("dontKnow"))));
      }
    }
    fieldset.append(error);

    const evidence = element("details", { class: "evidence" });
    evidence.append(element("summary", { text: say("evidence") }));
    const fields = element("div", { class: "evidence-fields" });
    for (const [key, type] of [["source", "text"], ["date", "date"], ["owner", "text"]]) {
      fields.append(element("label", { for: `${key}-${id}`, text: say(key) }));
      fields.append(element("input", { type, id: `${key}-${id}`, "data-evidence": key, "data-path": question.path }));
    }
    evidence.append(fields);
    fieldset.append(evidence);
    return fieldset;
  }

  // The part shown: its name, what it is for, its Annex sections and its questions, and the buttons
  // to the parts before and after it.
  function drawPart() {
    const parts = questionnaire.parts;
    state.part = Math.min(Math.max(0, state.part | 0), parts.length - 1);
    const part = parts[state.part];
    const intro = element("div", { class: "part-intro" },
      element("h3", { id: "part-heading", text: `${say("partOf", state.part + 1, parts.length)}: ${part.name}` }),
      element("p", { text: part.description }));
    if (part.annex.length > 0) intro.append(element("p", { class: "annex", text: `${say("annex")} ${part.annex.join(", ")}` }));
    const buttons = element("div", { class: "part-buttons" });
    if (state.part > 0) buttons.append(element("button", { type: "button", id: "previous-part", text: say("previous") }));
    if (state.part < parts.length - 1) buttons.append(element("button", { type: "button", id: "next-part", text: say("next") }));
    form.replaceChildren(intro, ...part.questions.map(questionElement), buttons);
    form.setAttribute("aria-labelledby", "part-heading");
    for (const question of part.questions) showAnswer(question);
    showProblems();
    drawPartList();
  }

  function drawPartList() {
    const parts = questionnaire.parts;
    const progress = latest ? latest.progress.parts : [];
    partList.replaceChildren(...parts.map((part, index) => {
      const counted = progress.find((entry) => entry.block === part.block) || { answered: 0, total: part.questions.length };
      const button = element("button", {
        type: "button", "data-part": String(index), "aria-current": index === state.part ? "step" : false,
        class: counted.answered === counted.total ? "complete" : false,
        text: `${index + 1}. ${part.name} (${say("partProgress", counted.answered, counted.total)})`,
      });
      return element("li", {}, button);
    }));
    if (latest) {
      const { answered, total, known } = latest.progress;
      progressLine.textContent = say("progress", answered, total, known);
    }
  }

  // The controls of `question` as its answer and evidence are in `state`.
  function showAnswer(question) {
    const given = state.answers[question.path] || {};
    const fieldset = $(`q-${idOf(question.path)}`);
    if (!fieldset) return;
    for (const input of fieldset.querySelectorAll("input[name]")) {
      const kind = input.dataset.kind;
      if (kind === "unknown") input.checked = given.unknown === true;
      else if (kind === "none") input.checked = Array.isArray(given.value) && given.value.length === 0;
      else if (kind === "typed") input.value = typeof given.value === "string" ? given.value : "";
      else if (Array.isArray(given.value)) input.checked = given.value.includes(input.value);
      else input.checked = given.value === input.value;
    }
    const evidence = state.evidence[question.path] || {};
    let any = false;
    for (const input of fieldset.querySelectorAll("input[data-evidence]")) {
      input.value = evidence[input.dataset.evidence] || "";
      any = any || input.value !== "";
    }
    if (any) fieldset.querySelector("details.evidence").open = true;
  }

  // The answer of the question whose control changed, read back from its controls into `state`.
  function readAnswer(input) {
    const path = input.name || input.dataset.path;
    const fieldset = input.closest("fieldset.question");
    if (input.dataset.evidence) {
      const evidence = { ...(state.evidence[path] || {}) };
      evidence[input.dataset.evidence] = input.value;
      state.evidence[path] = evidence;
      return;
    }
    const controls = [...fieldset.querySelectorAll("input[name]")];
    const kind = input.dataset.kind;
    if (input.type === "checkbox" && input.checked) {
      // "Don't know", "none" and the options exclude one another.
      for (const other of controls) {
        if (other === input || other.type !== "checkbox") continue;
        if (kind === "unknown" || kind === "none" || other.dataset.kind === "unknown" || other.dataset.kind === "none") {
          other.checked = false;
        }
      }
    }
    const typed = controls.find((control) => control.dataset.kind === "typed");
    const unknown = controls.find((control) => control.dataset.kind === "unknown");
    if (kind === "typed" && input.value.trim() !== "" && unknown) unknown.checked = false;
    if (kind === "unknown" && input.checked && typed) typed.value = "";

    if (unknown && unknown.checked) {
      state.answers[path] = { unknown: true };
    } else if (typed) {
      if (typed.value.trim() === "") delete state.answers[path];
      else state.answers[path] = { value: typed.value };
    } else if (controls.some((control) => control.type === "checkbox")) {
      const none = controls.find((control) => control.dataset.kind === "none");
      // In the order they were checked, as the terminal questionnaire keeps a list in the order typed.
      const checked = controls.filter((control) => !control.dataset.kind && control.checked).map((control) => control.value);
      const before = Array.isArray(state.answers[path]?.value) ? state.answers[path].value : [];
      const chosen = before.filter((id) => checked.includes(id)).concat(checked.filter((id) => !before.includes(id)));
      if (chosen.length > 0) state.answers[path] = { value: chosen };
      else if (none && none.checked) state.answers[path] = { value: [] };
      else delete state.answers[path];
    } else {
      const chosen = controls.find((control) => control.checked);
      if (chosen) state.answers[path] = { value: chosen.value };
      else delete state.answers[path];
    }
  }

  // ---- The profile, the report and the plan, from the engine.

  function request() {
    const answers = {};
    for (const [path, given] of Object.entries(state.answers)) {
      answers[path] = state.evidence[path] ? { ...given, evidence: state.evidence[path] } : given;
    }
    return answers;
  }

  // Each answer's problem beside its question, in the part shown.
  function showProblems() {
    const byPath = new Map((latest ? latest.problems : []).map((problem) => [problem.path, problem.message]));
    for (const fieldset of form.querySelectorAll("fieldset.question")) {
      const message = byPath.get(fieldset.dataset.path);
      const error = fieldset.querySelector(".error");
      error.textContent = message || "";
      error.hidden = !message;
      fieldset.classList.toggle("invalid", Boolean(message));
      for (const input of fieldset.querySelectorAll("input[name]")) {
        if (message) input.setAttribute("aria-invalid", "true");
        else input.removeAttribute("aria-invalid");
      }
    }
  }

  function listInto(list, lines) {
    list.replaceChildren(...lines.map((line) => element("li", { text: line })));
  }

  // A copy of a report for paper: its own styles (the document's are the host's here) and every fold
  // open, in a shadow root so that neither page's styles reach the other.
  function printCopy(host, html) {
    const root = host.shadowRoot || host.attachShadow({ mode: "open" });
    if (!html) {
      root.replaceChildren();
      return;
    }
    const copy = new DOMParser().parseFromString(html, "text/html");
    const styles = [...copy.querySelectorAll("style")]
      .map((style) => style.textContent.replace(/:root\b/g, ":host").replace(/(^|[\s,}])body(?=[\s,{])/g, "$1:host"))
      .join("\n");
    const style = document.createElement("style");
    style.textContent = styles;
    root.replaceChildren(style, ...copy.body.childNodes);
    for (const details of root.querySelectorAll("details")) details.open = true;
  }

  function today() {
    return new Date().toISOString().slice(0, 10);
  }

  // Everything that follows the answers: the profile, the progress, each answer's problem and the
  // report, at once; the plan and the report's printable copy once the report frame has loaded, so
  // that the report is redrawn first (drawRest). `frame.dataset.redraws` counts the redraws and
  // `#print-copy`'s `data-drawn` the one the plan and the copy are of, for the page's checks.
  let rest = null; // {report, date, source} the plan and the printable copy are still to be drawn for

  function redraw() {
    if (pending) clearTimeout(pending);
    pending = 0;
    if (!questionnaire) return;
    latest = tne.profileOf(request(), lang);
    drawPartList();
    showProblems();
    const date = today();
    const source = fileName();
    let report = "";
    try {
      report = tne.assess(latest.yaml, lang, { source, date, format: "html" });
      reportProblems.hidden = true;
      frame.hidden = false;
      reportStatus.textContent = say("reportShown", date);
    } catch (error) {
      frame.hidden = true;
      reportStatus.textContent = "";
      listInto(reportProblemList, error instanceof tne.TneError ? error.errors.map((problem) => problem.message) : [String(error)]);
      reportProblems.hidden = false;
    }
    frame.dataset.redraws = String(Number(frame.dataset.redraws || 0) + 1);
    rest = { report, date, source };
    if (report) frame.srcdoc = report; // drawRest follows its load
    else {
      frame.removeAttribute("srcdoc");
      drawRest();
    }
  }

  function drawRest() {
    if (!rest) return;
    const { report, date, source } = rest;
    rest = null;
    printCopy($("print-report"), report);
    let plan = "";
    planStatus.textContent = "";
    if (report) {
      try {
        plan = tne.plan(latest.yaml, state.target, lang, { source, date, format: "html" });
        if (!plan) planStatus.textContent = say("planNone");
      } catch (error) {
        planStatus.textContent = `${say("planFailed")} ${error.message}`;
      }
    }
    planFrame.hidden = !plan;
    if (plan) planFrame.srcdoc = plan;
    else planFrame.removeAttribute("srcdoc");
    printCopy($("print-plan"), plan);
    $("print-copy").dataset.drawn = frame.dataset.redraws;
  }

  // Whatever is still waiting, now: before saving or printing.
  function flush() {
    if (pending) redraw();
    drawRest();
  }

  // After the report's first paint (the frame of the next animation frame, then a task).
  frame.addEventListener("load", () => requestAnimationFrame(() => setTimeout(drawRest, 0)));
  window.addEventListener("beforeprint", flush);

  // A click on an option redraws at once; typing waits for the next keystroke a moment, so that
  // "14000" redraws once.
  function scheduleRedraw(typed) {
    if (pending) clearTimeout(pending);
    pending = setTimeout(redraw, typed ? kDebounceMs : 0);
  }

  function drawTargets() {
    const models = tne.models();
    targetChoice.replaceChildren(
      element("option", { value: "", text: say("nextStep") }),
      ...models.map((model) => element("option", { value: model.id, text: model[lang] })),
    );
    if (!models.some((model) => model.id === state.target)) state.target = "";
    targetChoice.value = state.target;
  }

  function drawAll() {
    questionnaire = tne.questionnaire(lang);
    drawTargets();
    latest = tne.profileOf(request(), lang);
    drawPart();
    redraw();
  }

  function applyLanguage() {
    document.documentElement.lang = lang;
    languageChoice.value = lang;
    for (const node of document.querySelectorAll("[data-text]")) node.textContent = say(node.dataset.text);
    document.title = say("title");
    frame.title = say("report");
    planFrame.title = say("plan");
    status.textContent = say(statusKey, ...statusArgs);
    listInto(problemList, fileProblems);
    problems.hidden = fileProblems.length === 0;
  }

  // ---- What the officer does.

  languageChoice.addEventListener("change", () => {
    lang = languageChoice.value;
    state.lang = lang;
    keep();
    applyLanguage();
    if (questionnaire) drawAll();
  });

  const answered = (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || !input.closest("fieldset.question")) return;
    readAnswer(input);
    keep();
    scheduleRedraw(input.type === "text" || input.type === "date");
  };
  form.addEventListener("input", answered);
  form.addEventListener("change", answered);

  form.addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (!button) return;
    if (button.id === "previous-part" || button.id === "next-part") goToPart(state.part + (button.id === "next-part" ? 1 : -1));
  });
  partList.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-part]");
    if (button) goToPart(Number(button.dataset.part));
  });

  function goToPart(index) {
    state.part = index;
    keep();
    drawPart();
    $("part-heading").setAttribute("tabindex", "-1");
    $("part-heading").focus();
  }

  targetChoice.addEventListener("change", () => {
    state.target = targetChoice.value;
    keep();
    flush();
    // The report is as it was: only the plan (and its printable copy) changes.
    rest = { report: frame.hidden ? "" : frame.srcdoc, date: today(), source: fileName() };
    drawRest();
  });

  fileInput.addEventListener("change", async () => {
    const file = fileInput.files[0];
    if (!file) return;
    let bytes;
    try {
      // The bytes, not the text: the engine checks them as the CLI checks a file's.
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch (error) {
      setStatus("unreadable", file.name, error.message);
      return;
    }
    let read;
    try {
      read = tne.answersOf(bytes, lang, { source: file.name });
    } catch (error) {
      fileProblems = error instanceof tne.TneError ? error.errors.map((problem) => problem.text) : [String(error)];
      setStatus("notProfile", file.name);
      applyLanguage();
      fileInput.value = "";
      return;
    }
    state.answers = {};
    state.evidence = {};
    for (const [path, given] of Object.entries(read.answers)) {
      state.answers[path] = { value: given.value };
      if (given.evidence) state.evidence[path] = given.evidence;
    }
    state.fileName = file.name;
    state.part = 0;
    fileProblems = read.problems;
    keep();
    setStatus("opened", file.name, Object.keys(read.answers).length);
    applyLanguage();
    drawAll();
    fileInput.value = "";
  });

  saveButton.addEventListener("click", () => {
    flush();
    if (!latest) return;
    if (latest.problems.length > 0) {
      setStatus("fixFirst");
      const first = latest.problems[0].path;
      const index = questionnaire.parts.findIndex((part) => part.questions.some((question) => question.path === first));
      if (index >= 0 && index !== state.part) goToPart(index);
      return;
    }
    const link = element("a", {
      href: URL.createObjectURL(new Blob([latest.yaml], { type: "application/yaml" })),
      download: fileName(),
    });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    setStatus("saved", fileName());
  });

  // The browser's own Print: the print stylesheet leaves the report alone, whole, on A4.
  printButton.addEventListener("click", () => {
    flush();
    window.print();
  });

  clearButton.addEventListener("click", () => {
    if (!window.confirm(say("confirmClear"))) return;
    state = { lang, answers: {}, evidence: {}, part: 0, fileName: null, target: "" };
    fileProblems = [];
    keep();
    setStatus("cleared");
    applyLanguage();
    drawAll();
  });

  restore();
  state.lang = lang;
  applyLanguage();
  for (const control of [fileInput, saveButton, printButton, clearButton]) control.disabled = true;
  tne.ready.then(
    () => {
      for (const control of [fileInput, saveButton, printButton, clearButton]) control.disabled = false;
      const count = Object.keys(state.answers).length;
      if (count > 0) setStatus("restored", count);
      else setStatus("ready");
      drawAll();
    },
    (error) => setStatus("broken", String(error)),
  );
})();
