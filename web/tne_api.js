// The page's JavaScript API, `tne` (docs/web.md): the engine of `tne assess` and `tne plan`, compiled
// to WebAssembly (src/web/web_api.cpp), returning what the CLI prints.
//
//   await tne.ready;                                                   (the engine and the rubric set loaded)
//   tne.assess(profile, lang, {source, date, evidenceMaxAge, format})  -> tne assess --format json
//   tne.plan(profile, target, lang, {source, date, format})            -> tne plan --format json
//   tne.models()                                                       -> [{id, en, es}]
//   tne.questionnaire(lang)                    -> the questions of `tne init --interactive`, by part
//   tne.profileOf(answers, lang)               -> {yaml, problems, progress}: the profile tne init writes
//   tne.answersOf(profile, lang, {source})     -> {answers, problems}: a profile's known answers
//
// `profile` is the YAML file's text (a string) or its bytes (a Uint8Array or an ArrayBuffer, read
// as the CLI reads a file: a byte that is not UTF-8 is an error at its line and column). `lang` is
// "en" or "es". `source` names the profile in the report and in errors (default "profile.yaml");
// `date` (YYYY-MM-DD) is the CLI's --date, the day evidence's age is counted to (default: today in
// UTC, as the CLI's default); `format` is "json" (default), "html" or "markdown". A profile with
// problems throws a TneError: `errors` holds each one as {file, line, column, message, text}, `text`
// being the line the CLI prints after "tne: error: " (the message alone for a bad argument, which has
// no place), and `exitCode` the CLI's (2; 70 for a bug).
// tne.plan returns "" when every step of the suggested pathway is already feasible and no target is
// named (the CLI prints nothing then), and the report also when the target is out of reach (the CLI
// exits 1 then).
"use strict";
var tne = (function () {
  class TneError extends Error {
    constructor(errors, exitCode) {
      super(errors.map((error) => error.text).join("\n"));
      this.name = "TneError";
      this.errors = errors;
      this.exitCode = exitCode;
    }
  }

  let engine = null;
  const encoder = new TextEncoder();
  const decoder = new TextDecoder("utf-8");

  // The engine's WebAssembly, carried in the page as base64: handed to the module so that it never
  // fetches it (the page's CSP would refuse any request).
  function engineBytes() {
    const text = document.getElementById("tne-engine-wasm").textContent.trim();
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; ++i) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  function bytesOf(profile) {
    if (typeof profile === "string") return encoder.encode(profile);
    if (profile instanceof Uint8Array) return profile;
    if (profile instanceof ArrayBuffer) return new Uint8Array(profile);
    throw new TypeError("tne: the profile is a string, a Uint8Array or an ArrayBuffer");
  }

  function today() {
    return new Date().toISOString().slice(0, 10);
  }

  // Calls an entry point of src/web/web_api.cpp with the profile's bytes first, and reads its result.
  function call(name, profile, types, args) {
    if (!engine) throw new Error("tne: the engine is still loading: await tne.ready first");
    const bytes = bytesOf(profile);
    const at = engine._malloc(Math.max(bytes.length, 1));
    let status;
    try {
      engine.HEAPU8.set(bytes, at);
      status = engine.ccall(name, "number", ["number", "number"].concat(types), [at, bytes.length].concat(args));
    } finally {
      engine._free(at);
    }
    const result = engine._tne_web_result();
    const text = decoder.decode(engine.HEAPU8.subarray(result, result + engine._tne_web_result_size()));
    if (status === 0 || status === 1) return text;
    throw new TneError(JSON.parse(text).errors, status);
  }

  // The JSON an entry point without a profile left (the models, the questionnaire).
  function resultJson(status) {
    const result = engine._tne_web_result();
    const text = decoder.decode(engine.HEAPU8.subarray(result, result + engine._tne_web_result_size()));
    if (status !== 0) throw new TneError(JSON.parse(text).errors, status);
    return JSON.parse(text);
  }

  const api = {
    TneError,
    ready: null,
    assess(profile, lang, options = {}) {
      return call(
        "tne_web_assess",
        profile,
        ["string", "string", "string", "number", "string"],
        [
          options.source ?? "profile.yaml",
          lang,
          options.date ?? today(),
          options.evidenceMaxAge ?? 12,
          options.format ?? "json",
        ],
      );
    },
    plan(profile, target, lang, options = {}) {
      return call(
        "tne_web_plan",
        profile,
        ["string", "string", "string", "string", "string"],
        [options.source ?? "profile.yaml", lang, options.date ?? today(), target ?? "", options.format ?? "json"],
      );
    },
    models() {
      if (!engine) throw new Error("tne: the engine is still loading: await tne.ready first");
      return resultJson(engine._tne_web_models()).models;
    },
    // {name, total, parts: [{block, name, description, annex, questions: [{path, writtenPath, number,
    // type, required, text, help, allowed, annex: [{id, title}], values: [{id, label}]}]}]}
    questionnaire(lang) {
      if (!engine) throw new Error("tne: the engine is still loading: await tne.ready first");
      return resultJson(engine.ccall("tne_web_questionnaire", "number", ["string"], [lang]));
    },
    // `answers`: {PATH: {value, unknown, evidence: {source, date, owner}}} by English path; value an
    // option's id, a list's ids, or a number or text as typed. Returns {yaml (what `tne init
    // --interactive --lang LANG` writes for them), problems: [{path, message}], progress: {answered,
    // known, total, parts: [{block, answered, total}]}}.
    profileOf(answers, lang) {
      return JSON.parse(call("tne_web_form", JSON.stringify(answers), ["string"], [lang]));
    },
    // A profile's known answers in the shape profileOf takes, and the problems of the answers left
    // out ({answers, problems: [text]}); a file that is no profile throws a TneError.
    answersOf(profile, lang, options = {}) {
      return JSON.parse(
        call("tne_web_answers", profile, ["string", "string"], [options.source ?? "profile.yaml", lang]),
      );
    },
  };
  // Ready once the rubric set is loaded too (the first call would otherwise parse it), so that the
  // first report is as quick as the next.
  api.ready = createTneEngine({ wasmBinary: engineBytes() }).then((module) => {
    engine = module;
    api.models();
    return api;
  });
  return api;
})();
