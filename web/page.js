// The page (docs/web.md): open a YAML profile from this computer, pick English or Spanish, and see
// the report `tne assess --format html` gives for it, or its problems at their line and column.
// Nothing leaves the page: the file is read in the browser and given to the engine (tne_api.js).
"use strict";
(function () {
  const words = {
    en: {
      title: "TNE readiness: self-assessment",
      privacy: "This page works offline: the profile you open is read on this computer and never sent anywhere.",
      language: "Language",
      open: "Open a profile (YAML)",
      problems: "The profile has problems: correct them in the file and open it again.",
      report: "Assessment report",
      loading: "Loading the engine…",
      ready: "Open a profile to see its report.",
      shown: (file, date) => `The report of ${file}, dated ${date}.`,
      unreadable: (file, reason) => `${file} could not be read: ${reason}`,
      broken: (reason) => `The engine did not start: ${reason}`,
    },
    es: {
      title: "Preparación para la ETN: autoevaluación",
      privacy:
        "Esta página funciona sin conexión: el perfil que abra se lee en este equipo y nunca se envía a ninguna parte.",
      language: "Idioma",
      open: "Abrir un perfil (YAML)",
      problems: "El perfil tiene problemas: corríjalos en el archivo y vuelva a abrirlo.",
      report: "Informe de evaluación",
      loading: "Cargando el motor…",
      ready: "Abra un perfil para ver su informe.",
      shown: (file, date) => `El informe de ${file}, con fecha ${date}.`,
      unreadable: (file, reason) => `No se pudo leer ${file}: ${reason}`,
      broken: (reason) => `El motor no se inició: ${reason}`,
    },
  };

  const languageChoice = document.getElementById("lang");
  const fileInput = document.getElementById("profile");
  const status = document.getElementById("status");
  const problems = document.getElementById("problems");
  const problemList = document.getElementById("problem-list");
  const frame = document.getElementById("report");

  let lang = (navigator.language || "en").toLowerCase().startsWith("es") ? "es" : "en";
  let opened = null; // {name, bytes} of the profile last opened
  let statusKey = "loading";
  let statusArgs = [];

  function say(key, ...args) {
    const text = words[lang][key];
    return typeof text === "function" ? text(...args) : text;
  }

  function setStatus(key, ...args) {
    statusKey = key;
    statusArgs = args;
    status.textContent = say(key, ...args);
  }

  function showProblems(lines) {
    problemList.replaceChildren(
      ...lines.map((line) => {
        const item = document.createElement("li");
        item.textContent = line;
        return item;
      }),
    );
    problems.hidden = lines.length === 0;
  }

  // The report of the profile opened, in the page's language; its problems instead when it has some.
  function render() {
    if (!opened) return;
    const date = new Date().toISOString().slice(0, 10);
    try {
      frame.srcdoc = tne.assess(opened.bytes, lang, { source: opened.name, date, format: "html" });
      frame.hidden = false;
      showProblems([]);
      setStatus("shown", opened.name, date);
    } catch (error) {
      frame.hidden = true;
      frame.removeAttribute("srcdoc");
      showProblems(error instanceof tne.TneError ? error.errors.map((problem) => problem.text) : [String(error)]);
      setStatus("ready");
    }
  }

  function applyLanguage() {
    document.documentElement.lang = lang;
    languageChoice.value = lang;
    for (const element of document.querySelectorAll("[data-text]")) element.textContent = say(element.dataset.text);
    document.title = say("title");
    frame.title = say("report");
    status.textContent = say(statusKey, ...statusArgs);
  }

  languageChoice.addEventListener("change", () => {
    lang = languageChoice.value;
    applyLanguage();
    render();
  });

  fileInput.addEventListener("change", async () => {
    const file = fileInput.files[0];
    if (!file) return;
    try {
      // The bytes, not the text: the engine checks them as the CLI checks a file's.
      opened = { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
    } catch (error) {
      opened = null;
      setStatus("unreadable", file.name, error.message);
      return;
    }
    render();
  });

  applyLanguage();
  fileInput.disabled = true;
  tne.ready.then(
    () => {
      fileInput.disabled = false;
      setStatus("ready");
    },
    (error) => setStatus("broken", String(error)),
  );
})();
