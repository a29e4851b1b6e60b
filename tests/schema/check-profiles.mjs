// Checks the profile schema with an independent validator, and that tne agrees with it:
//   node tests/schema/check-profiles.mjs TNE_BINARY
// The schema is what `TNE_BINARY schema` prints, compiled by ajv (draft 2020-12, strict mode, the
// "date" format of ajv-formats). Profiles are read by the `yaml` package as YAML 1.2 (core schema:
// `yes` and `no` stay strings, dates stay strings); a duplicate key or any other parse error is a
// rejection.
//   examples/*.yaml: the first line is a modeline naming the shipped schema of the example's language
//     (schemas/profile.schema.es.json for *_es.yaml, else schemas/profile.schema.json), the file it
//     names is exactly `tne schema` in that language, ajv accepts the profile and `tne assess` exits 0.
//   tests/profiles/valid/*.yaml: edge cases (unknown answers, YAML 1.2 scalars) that ajv accepts and
//     `tne assess` exits 0 on; the first line is a comment saying why each is valid.
//   what `tne init` writes, in English and Spanish: the template with its two required answers
//     filled in (both accept), the template as it comes (ajv accepts it, so that it opens in an
//     editor without errors; tne rejects it: the name is required), and a profile rewritten by the
//     questionnaire, evidence included (both accept).
//   tests/profiles/invalid/*.yaml (es-*.yaml: written with the Spanish ids, checked by the Spanish
//   schema): ajv (or the YAML parser) rejects it and `tne assess` exits 2 with
//     an error on standard error, each for the reason the file's first line gives:
//       # WHAT IS WRONG. Expect ajv: KEYWORD at /JSON/POINTER; tne: PART OF TNE'S MESSAGE
//       # WHAT IS WRONG. Expect yaml: ERROR_CODE (or "(any)"); tne: PART OF TNE'S MESSAGE
//       # WHAT IS WRONG. Expect ajv: valid; tne: PART OF TNE'S MESSAGE
//     the last for what the schema leaves to tne: a required answer left empty (~), as the template
//     writes it for the officer to fill in.
// Prints one line per file, then a summary; exits 1 on any disagreement (listed), 2 on a usage or
// setup problem.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { parseDocument } from "yaml";

const MODELINE = {
  en: "# yaml-language-server: $schema=../schemas/profile.schema.json",
  es: "# yaml-language-server: $schema=../schemas/profile.schema.es.json",
};
const EXPECTATION = /Expect (ajv|yaml): (\S+)(?: at (\S+))?; tne: (.+)$/;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function usage(message) {
  console.error(`check-profiles: ${message}\nusage: node tests/schema/check-profiles.mjs TNE_BINARY`);
  process.exit(2);
}

const [tneArgument] = process.argv.slice(2);
if (!tneArgument || process.argv.length > 3) usage("expected exactly one argument, the tne binary");
const tne = path.resolve(tneArgument);
if (!existsSync(tne)) usage(`no tne binary at ${tne}`);

// tne runs from the source root, on relative paths, in English and without colour.
function runTne(args, input = "") {
  const run = spawnSync(tne, args, {
    input,
    cwd: root,
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", NO_COLOR: "1", LANG: "C.UTF-8" },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) usage(`cannot run ${tne}: ${run.error.message}`);
  return { code: run.status ?? `signal ${run.signal}`, out: run.stdout, err: run.stderr };
}

// The schema in each language; the two differ only in their words, so profiles are checked against
// the English one and the Spanish one is compiled too.
const schemaTexts = {};
for (const lang of ["en", "es"]) {
  const run = runTne(["schema", "--lang", lang]);
  if (run.code !== 0) usage(`'tne schema --lang ${lang}' exited ${run.code}: ${run.err.trim()}`);
  schemaTexts[lang] = run.out;
}

// Strict mode stays on: the annotation keywords editors read (yaml-language-server's, see
// src/profile/schema.cpp) are declared, not ignored. Union types (["string", "number", "boolean"]:
// any scalar is text) are allowed explicitly.
const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: false });
addFormats(ajv, ["date"]);
ajv.addVocabulary(["markdownDescription", "defaultSnippets", "enumDescriptions", "errorMessage", "doNotSuggest"]);
const validators = {};
for (const lang of ["en", "es"]) {
  try {
    validators[lang] = ajv.compile(JSON.parse(schemaTexts[lang]));
  } catch (error) {
    usage(`ajv cannot compile the output of 'tne schema --lang ${lang}': ${error.message}`);
  }
}

const pointer = (instancePath) => instancePath || "/";

// The verdict of the schema of `lang`: null when it accepts, else every error ({source, keyword, at,
// text}). A profile with English ids is checked by the English schema, and the Spanish one, which
// takes the English ids too, must give the same verdict; a profile with Spanish ids (a Spanish
// example, what tne init --lang es writes) by the Spanish schema alone.
function validatorErrors(text, lang = "en") {
  const validate = validators[lang];
  const document = parseDocument(text, { version: "1.2", schema: "core", uniqueKeys: true, prettyErrors: false });
  if (document.errors.length > 0) {
    return document.errors.map((error) => ({
      source: "yaml",
      keyword: error.code,
      at: null,
      text: `yaml: ${error.message.split("\n")[0]}`,
    }));
  }
  const data = document.toJS({ maxAliasCount: 100 });
  const valid = validate(data);
  if (lang === "en" && validators.es(data) !== valid)
    return [{ source: "ajv", keyword: "language", at: null, text: `ajv: the Spanish schema ${valid ? "rejects" : "accepts"} what the English one ${valid ? "accepts" : "rejects"}` }];
  if (valid) return null;
  return validate.errors.map((error) => {
    const params = error.params?.additionalProperty ? ` ("${error.params.additionalProperty}")` : "";
    return {
      source: "ajv",
      keyword: error.keyword,
      at: pointer(error.instancePath),
      text: `ajv: ${pointer(error.instancePath)} ${error.message}${params}`,
    };
  });
}

// The error to show. An answer is anyOf(bare value, {value, evidence}), so ajv's first error is
// often the bare form's "must be equal to one of the allowed values" when what is wrong is in the
// evidence form: the deepest error is shown, and of those the last one that is not about the type
// (the later branch is the form the profile tried), else the first.
function shown(errors) {
  const depth = (error) => (error.at === null ? 0 : error.at.split("/").length);
  const deepest = Math.max(...errors.map(depth));
  const candidates = errors.filter((error) => depth(error) === deepest && error.keyword !== "anyOf");
  return candidates.filter((error) => error.keyword !== "type").at(-1) ?? candidates[0] ?? errors[0];
}

const firstErrorLine = (stderr) => stderr.split("\n").find((line) => line.trim() !== "") ?? "";

const profilesIn = (folder) =>
  readdirSync(path.join(root, folder))
    .filter((name) => name.endsWith(".yaml"))
    .sort()
    .map((name) => `${folder}/${name}`);

const disagreements = [];
let passed = 0;
function report(file, problems, detail) {
  if (problems.length === 0) {
    passed++;
    console.log(`OK    ${file}${detail ? `  ${detail}` : ""}`);
  } else {
    console.log(`FAIL  ${file}${detail ? `  ${detail}` : ""}`);
    for (const problem of problems) {
      console.log(`      ${problem}`);
      disagreements.push(`${file}: ${problem}`);
    }
  }
}

// Valid profiles: the examples, which editors check through their modeline.
const examples = profilesIn("examples");
if (examples.length === 0) usage("no examples/*.yaml");
for (const file of examples) {
  const text = readFileSync(path.join(root, file), "utf8");
  const problems = [];
  const firstLine = text.split("\n", 1)[0];
  const lang = file.endsWith("_es.yaml") ? "es" : "en";
  if (firstLine !== MODELINE[lang]) {
    problems.push(`the first line is not the modeline: expected '${MODELINE[lang]}', found '${firstLine}'`);
  } else {
    const named = path.resolve(path.dirname(path.join(root, file)), MODELINE[lang].split("$schema=")[1]);
    const command = `build/tne schema --lang ${lang} -o ${path.relative(root, named)}`;
    if (!existsSync(named)) problems.push(`the modeline names ${path.relative(root, named)}, which does not exist (${command})`);
    else if (readFileSync(named, "utf8") !== schemaTexts[lang])
      problems.push(`${path.relative(root, named)} is not the output of 'tne schema --lang ${lang}' (${command})`);
  }
  const errors = validatorErrors(text, lang);
  if (errors) problems.push(`ajv rejects it (${errors[0].text}) but it is an example, which tne must accept`);
  const run = runTne(["assess", file]);
  if (run.code !== 0) problems.push(`tne assess exited ${run.code}, not 0: ${firstErrorLine(run.err)}`);
  report(file, problems, errors || run.code !== 0 ? "" : "ajv: valid  |  tne: exit 0");
}

// Valid edge cases: profiles both must accept, without the examples' modeline.
const valid = profilesIn("tests/profiles/valid");
for (const file of valid) {
  const text = readFileSync(path.join(root, file), "utf8");
  const problems = [];
  if (!text.startsWith("# ")) problems.push("the first line must be a comment saying why the profile is valid");
  const errors = validatorErrors(text);
  if (errors) problems.push(`ajv rejects it (${shown(errors).text}) but tne must accept it`);
  const run = runTne(["assess", file]);
  if (run.code !== 0) problems.push(`tne assess exited ${run.code}, not 0: ${firstErrorLine(run.err)}`);
  report(file, problems, errors || run.code !== 0 ? "" : "ajv: valid  |  tne: exit 0");
}

// What tne init writes: its template and the profiles its questionnaire writes.
const made = [];
const workDir = mkdtempSync(path.join(os.tmpdir(), "tne-init-"));
try {
  for (const lang of ["en", "es"]) {
    const template = path.join(workDir, `template.${lang}.yaml`);
    const run = runTne(["init", "--lang", lang, "-o", template, "--schema", path.join(workDir, "profile.schema.json")]);
    const shownName = `tne init --lang ${lang}`;
    made.push(shownName, `${shownName} (filled in)`);
    if (run.code !== 0) {
      report(shownName, [`exited ${run.code}: ${firstErrorLine(run.err)}`]);
      continue;
    }
    const text = readFileSync(template, "utf8");
    const problems = [];
    if (!text.startsWith("# yaml-language-server: $schema=profile.schema.json\n")) problems.push("no modeline naming the schema beside it");
    if (readFileSync(path.join(workDir, "profile.schema.json"), "utf8") !== schemaTexts[lang])
      problems.push(`--schema did not write 'tne schema --lang ${lang}'`);
    // The schema takes the empty required answers, so the template opens in an editor without
    // errors; tne names them.
    const errors = validatorErrors(text, lang);
    if (errors) problems.push(`ajv rejects the unfilled template (${shown(errors).text}): an editor would open it with errors`);
    const unfilled = runTne(["assess", template]);
    if (unfilled.code !== 2) problems.push(`tne assess exited ${unfilled.code} on the unfilled template, not 2`);
    else if (!unfilled.err.includes("institution.name is required")) problems.push(`tne did not say 'institution.name is required': ${unfilled.err.trim()}`);
    report(shownName, problems, `${errors ? shown(errors).text : "ajv: valid"}  |  ${firstErrorLine(unfilled.err)}`);

    // The Spanish template writes the Spanish keys and ids.
    const filled =
      lang === "es"
        ? text.replace("\n  nombre:\n", "\n  nombre: Universidad de la Costa\n").replace("\n  tipo:\n", "\n  tipo: universidad_pública\n")
        : text.replace("\n  name:\n", "\n  name: Universidad de la Costa\n").replace("\n  type:\n", "\n  type: public_university\n");
    const filledPath = path.join(workDir, `filled.${lang}.yaml`);
    const filledProblems = [];
    const filledErrors = validatorErrors(filled, lang);
    if (filledErrors) filledProblems.push(`ajv rejects it (${shown(filledErrors).text})`);
    writeFileSync(filledPath, filled);
    const assessed = runTne(["assess", filledPath]);
    if (assessed.code !== 0) filledProblems.push(`tne assess exited ${assessed.code}: ${firstErrorLine(assessed.err)}`);
    report(`${shownName} (filled in)`, filledProblems, "ajv: valid  |  tne: exit 0");
  }
  // The questionnaire completing an example (its one unknown answer given) rewrites it in its own
  // layout, the evidence in the flow form.
  const profile = path.join(workDir, "universidad_estatal_es.yaml");
  copyFileSync(path.join(root, "examples/universidad_estatal_es.yaml"), profile);
  const name = "tne init --interactive (completing universidad_estatal_es.yaml)";
  made.push(name);
  // Its one unknown answer given, the review saved with an empty line, the HTML report declined.
  const run = runTne(["init", "--interactive", "--lang", "es", "-o", profile], "sí\n\nn\n");
  const problems = [];
  if (run.code !== 0) problems.push(`exited ${run.code}: ${firstErrorLine(run.err)}`);
  const text = readFileSync(profile, "utf8");
  if (!text.includes("evidencia: {fuente:")) problems.push("the evidence was not written, in Spanish");
  const errors = validatorErrors(text, "es");
  if (errors) problems.push(`ajv rejects it (${shown(errors).text})`);
  const assessed = runTne(["assess", profile]);
  if (assessed.code !== 0) problems.push(`tne assess exited ${assessed.code}: ${firstErrorLine(assessed.err)}`);
  report(name, problems, "ajv: valid  |  tne: exit 0");
} finally {
  rmSync(workDir, { recursive: true, force: true });
}

// Invalid profiles: both must reject each, for the reason its first line gives.
const invalid = profilesIn("tests/profiles/invalid");
if (invalid.length === 0) usage("no tests/profiles/invalid/*.yaml");
for (const file of invalid) {
  const text = readFileSync(path.join(root, file), "utf8");
  const problems = [];
  const expected = text.split("\n", 1)[0].match(EXPECTATION);
  if (!text.startsWith("# ") || !expected)
    problems.push("the first line must say what is wrong and what both tools must say: '# WHAT. Expect ajv: KEYWORD at /POINTER; tne: MESSAGE'");

  // A profile named es-*.yaml is written with the Spanish ids: the Spanish schema checks it.
  const errors = validatorErrors(text, path.basename(file).startsWith("es-") ? "es" : "en");
  const leftToTne = expected && expected[1] === "ajv" && expected[2] === "valid";
  if (leftToTne) {
    if (errors) problems.push(`ajv rejects it (${shown(errors).text}), but the schema leaves it to tne`);
  } else if (!errors) {
    problems.push("ajv accepts it, but it is invalid");
  } else if (expected) {
    const [, source, keyword, at] = expected;
    const matches = (error) =>
      error.source === source && (keyword === "(any)" || error.keyword === keyword) && (at === undefined || error.at === at);
    if (!errors.some(matches)) {
      const wanted = `${source}: ${keyword}${at ? ` at ${at}` : ""}`;
      problems.push(`${source === "yaml" ? "the YAML parser" : "ajv"} rejects it, but not with ${wanted}: ${errors.map((e) => e.text).join("; ")}`);
    }
  }

  const run = runTne(["assess", file]);
  const tneError = firstErrorLine(run.err);
  if (run.code !== 2) problems.push(`tne assess exited ${run.code}, not 2 (invalid input)`);
  if (!/\berror\b/.test(run.err)) problems.push("tne printed no error on standard error");
  else if (expected && !run.err.includes(expected[4])) problems.push(`tne did not say '${expected[4]}': ${run.err.trim()}`);

  report(file, problems, `${errors ? shown(errors).text : "ajv: valid"}  |  ${tneError || `tne: exit ${run.code}`}`);
}

const total = examples.length + valid.length + made.length + invalid.length;
console.log(
  `\ncheck-profiles: ${passed} of ${total} profiles as expected by both ajv and tne ` +
    `(${examples.length} examples and ${valid.length} valid edge cases to accept, ${made.length} written by tne init, ` +
    `${invalid.length} invalid profiles to reject); ` +
    `${disagreements.length} disagreement(s)`,
);
if (disagreements.length > 0) {
  console.log("check-profiles: FAILED:");
  for (const line of disagreements) console.log(`  ${line}`);
  process.exit(1);
}
