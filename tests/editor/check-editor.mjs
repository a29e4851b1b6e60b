// Opens tne's profiles in yaml-language-server, the YAML language server of VS Code's YAML extension
// and other editors, driven over LSP on stdio as an editor drives it, and checks what an officer
// would meet:
//   node tests/editor/check-editor.mjs TNE_BINARY
//   - the template `tne init --schema FILE` writes, in English and Spanish, and every example open
//     with no diagnostics;
//   - the server does validate: a template with a value that is not an answer gets a diagnostic, in
//     the template's language; a value written as its label (English or Spanish) gets none;
//   - completion at a choice question's value, and in a list question's [a, b] or at its "- ", offers
//     exactly the question's ids, unquoted, in the rubric set's order, each with its label in the
//     template's language, and no null;
//   - hover on a question's key shows the question's text in the template's language as its title.
// Expected ids, labels and question texts are read from the rubric files (rubrics/), not from the
// schema. Prints one line per check; exits 1 on any failure, 2 on a usage or setup problem.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

import { parse } from "yaml";

import { LspClient } from "./lsp-client.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
// A hung server fails the run instead of holding it: this is a guard, not a measurement.
const GIVE_UP_SECONDS = 300;

function usage(message) {
  console.error(`check-editor: ${message}\nusage: node tests/editor/check-editor.mjs TNE_BINARY`);
  process.exit(2);
}

const [tneArgument] = process.argv.slice(2);
if (!tneArgument || process.argv.length > 3) usage("expected exactly one argument, the tne binary");
const tne = path.resolve(tneArgument);
if (!existsSync(tne)) usage(`no tne binary at ${tne}`);
const serverScript = createRequire(import.meta.url).resolve("yaml-language-server/bin/yaml-language-server");

function runTne(args) {
  const run = spawnSync(tne, args, {
    cwd: root,
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", NO_COLOR: "1", LANG: "C.UTF-8" },
  });
  if (run.error) usage(`cannot run ${tne}: ${run.error.message}`);
  if (run.status !== 0) usage(`'tne ${args.join(" ")}' exited ${run.status}: ${run.stderr.trim()}`);
  return run.stdout;
}

// What the rubric files say a question is: its text and its values with their labels. The values
// of a yes_partial_no question are the loader's own (src/rubric/rubric_loader.cpp).
const YES_PARTIAL_NO = [
  { id: "yes", id_es: "sí", label: { en: "yes", es: "sí" } },
  { id: "partial", id_es: "parcial", label: { en: "partial", es: "parcial" } },
  { id: "no", label: { en: "no", es: "no" } },
];
function question(file, key) {
  const found = parse(readFileSync(path.join(root, "rubrics", file), "utf8")).questions.find((q) => q.key === key);
  if (!found) usage(`rubrics/${file} has no question ${key}`);
  return { key, key_es: found.key_es, text: found.text, values: found.type === "yes_partial_no" ? YES_PARTIAL_NO : found.values ?? [] };
}
// A question's key and a value's id as a profile in `lang` writes them (the Spanish ids, where the
// rubric files give them).
const keyIn = (q, lang) => (lang === "es" && q.key_es) || q.key;
const idIn = (value, lang) => (lang === "es" && value.id_es) || value.id;
const institutionType = question("institution.yaml", "type");
const coFunding = question("dimensions/funding.yaml", "co_funding");
const fields = question("institution.yaml", "fields");
const objectives = question("institution.yaml", "objectives");

const failures = [];
let passed = 0;
function check(name, problems) {
  if (problems.length === 0) {
    passed++;
    console.log(`OK    ${name}`);
    return;
  }
  console.log(`FAIL  ${name}`);
  for (const problem of problems) {
    console.log(`      ${problem}`);
    failures.push(`${name}: ${problem}`);
  }
}

const shownDiagnostics = (diagnostics) =>
  diagnostics.map((d) => `line ${d.range.start.line + 1}: ${d.message}`).join("; ");

// The line and the column just after `key:` on the line that gives `key`, in `text`.
function keyPosition(text, key) {
  const lines = text.split("\n");
  const line = lines.findIndex((l) => new RegExp(`^\\s*${key}:`).test(l));
  if (line < 0) throw new Error(`no line with the key ${key}`);
  return { line, keyCharacter: lines[line].indexOf(key), afterColon: lines[line].indexOf(`${key}:`) + key.length + 1 };
}

const watchdog = setTimeout(() => {
  console.error(`check-editor: FAILED: no answer from yaml-language-server in ${GIVE_UP_SECONDS} s`);
  process.exit(1);
}, GIVE_UP_SECONDS * 1000);

const workDir = mkdtempSync(path.join(os.tmpdir(), "tne-editor-"));
const client = new LspClient(process.execPath, [serverScript, "--stdio"], {
  // The extension's defaults, without the network: no schema store.
  yaml: { validate: true, hover: true, completion: true, schemaStore: { enable: false }, yamlVersion: "1.2" },
  http: {},
  "[yaml]": {},
  editor: {},
});
let version = 0;
async function open(file, text) {
  const uri = pathToFileURL(file).href;
  client.notify("textDocument/didOpen", { textDocument: { uri, languageId: "yaml", version: ++version, text } });
  const diagnostics = await client.nextDiagnostics(uri);
  return { uri, diagnostics };
}

try {
  await client.request("initialize", {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    capabilities: {
      workspace: { configuration: true },
      textDocument: {
        completion: { completionItem: { snippetSupport: true, documentationFormat: ["markdown", "plaintext"] } },
        hover: { contentFormat: ["markdown", "plaintext"] },
      },
    },
  });
  client.notify("initialized", {});
  client.notify("workspace/didChangeConfiguration", { settings: null });

  for (const lang of ["en", "es"]) {
    const schema = path.join(workDir, `profile.schema.${lang}.json`);
    const file = path.join(workDir, `template.${lang}.yaml`);
    runTne(["init", "--lang", lang, "-o", file, "--schema", schema]);
    const template = readFileSync(file, "utf8");
    const name = `tne init --lang ${lang} --schema`;

    const { uri, diagnostics } = await open(file, template);
    check(`${name}: the template opens with no diagnostics`,
      diagnostics.length ? [`${diagnostics.length} diagnostic(s): ${shownDiagnostics(diagnostics)}`] : []);

    // The server validates against the schema: a value that is no answer is flagged, in `lang`.
    const wrong = template.replace(`\n  ${keyIn(coFunding, lang)}:\n`, `\n  ${keyIn(coFunding, lang)}: maybe\n`);
    const flagged = await open(path.join(workDir, `wrong.${lang}.yaml`), wrong);
    const flaggedProblems = [];
    if (wrong === template) flaggedProblems.push("the template has no empty co_funding line to fill in");
    else if (flagged.diagnostics.length !== 1)
      flaggedProblems.push(`expected 1 diagnostic, got ${flagged.diagnostics.length}: ${shownDiagnostics(flagged.diagnostics)}`);
    else {
      const message = flagged.diagnostics[0].message;
      const expected = lang === "es" ? "No es una respuesta de esta pregunta" : "Not an answer to this question";
      if (!message.includes(expected)) flaggedProblems.push(`the message is not '${expected} ...': ${message}`);
      for (const value of coFunding.values)
        if (!message.includes(value.label[lang])) flaggedProblems.push(`the message does not name '${value.label[lang]}': ${message}`);
    }
    check(`${name}: 'co_funding: maybe' is flagged in ${lang}`, flaggedProblems);

    // A value may be written as its label in either language (tne takes it and writes back the id).
    const location = question("institution.yaml", "location");
    const labelled = template
      .replace(`\n  ${keyIn(institutionType, lang)}:\n`, `\n  ${keyIn(institutionType, lang)}: ${institutionType.values[0].label.es}\n`)
      .replace(`\n  ${keyIn(coFunding, lang)}:\n`, `\n  ${keyIn(coFunding, lang)}: ${coFunding.values[0].label.es}\n`)
      .replace(`\n  ${keyIn(location, lang)}:\n`, `\n  ${keyIn(location, lang)}: Semi-urban\n`);
    const labels = await open(path.join(workDir, `labels.${lang}.yaml`), labelled);
    check(`${name}: values written as their English or Spanish labels open with no diagnostics`,
      labels.diagnostics.length ? [shownDiagnostics(labels.diagnostics)] : []);

    // Completion at a choice question's value, once the officer has typed the space after the key
    // (as in an editor): its ids, each with its label, and nothing else.
    // A list is completed after an item of its flow form, as the template shows it, [a, b], and at a
    // new item of its block form, "- ".
    let typed = template;
    for (const q of [institutionType, coFunding]) typed = typed.replace(`\n  ${keyIn(q, lang)}:\n`, `\n  ${keyIn(q, lang)}: \n`);
    const listStart = `${idIn(fields.values[0], lang)}, `;
    typed = typed.replace(`\n  ${keyIn(fields, lang)}:\n`, `\n  ${keyIn(fields, lang)}: [${listStart}]\n`);
    typed = typed.replace(`\n  ${keyIn(objectives, lang)}:\n`, `\n  ${keyIn(objectives, lang)}:\n    - \n`);
    const typedUri = (await open(path.join(workDir, `typed.${lang}.yaml`), typed)).uri;
    for (const q of [institutionType, coFunding, fields, objectives]) {
      const at = keyPosition(typed, keyIn(q, lang));
      const position =
        q === objectives
          ? { line: at.line + 1, character: "    - ".length }
          : { line: at.line, character: at.afterColon + 1 + (q === fields ? 1 + listStart.length : 0) };
      const completion = await client.request("textDocument/completion", { textDocument: { uri: typedUri }, position });
      const items = [...(completion?.items ?? [])].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
      const problems = [];
      const got = items.map((item) => item.label);
      const want = q.values.map((v) => idIn(v, lang));
      if (JSON.stringify(got) !== JSON.stringify(want))
        problems.push(`offers ${JSON.stringify(got)}, expected exactly ${JSON.stringify(want)}`);
      for (const item of items) {
        const value = q.values.find((v) => idIn(v, lang) === item.label);
        const documentation = typeof item.documentation === "object" ? item.documentation.value : item.documentation;
        if (value && documentation !== value.label[lang])
          problems.push(`${item.label} is documented as ${JSON.stringify(documentation)}, not its label ${JSON.stringify(value.label[lang])}`);
        const inserted = item.textEdit?.newText ?? item.insertText;
        if (value && inserted?.trim() !== idIn(value, lang)) problems.push(`${item.label} inserts ${JSON.stringify(inserted)}`);
      }
      check(`${name}: completion at '${q.key}:' offers its ids with their ${lang} labels`, problems);

      // Hover in the template as written.
      const key = keyPosition(template, keyIn(q, lang));
      const hover = await client.request("textDocument/hover", {
        textDocument: { uri },
        position: { line: key.line, character: key.keyCharacter + 1 },
      });
      const shown = hover?.contents?.value ?? "";
      const title = `#### ${q.text[lang]}`;
      check(`${name}: hover on '${q.key}' shows its question in ${lang}`,
        shown.split("\n")[0] === title ? [] : [`expected its first line to be ${JSON.stringify(title)}, got ${JSON.stringify(shown.slice(0, 200))}`]);
    }
  }

  // Key completion in the Spanish template offers a question's Spanish key, never its English one,
  // which the Spanish schema accepts but does not offer (doNotSuggest).
  {
    const file = path.join(workDir, "template.es.yaml");
    const template = readFileSync(file, "utf8");
    const spanishKey = keyIn(coFunding, "es");
    const blank = template.replace(`\n  ${spanishKey}:\n`, "\n  \n");
    const problems = [];
    if (blank === template) problems.push(`the Spanish template has no '${spanishKey}:' line`);
    const { uri } = await open(path.join(workDir, "keys.es.yaml"), blank);
    const line = blank.split("\n").findIndex((l, i, all) => l === "  " && all[i - 1] !== undefined);
    const completion = await client.request("textDocument/completion", { textDocument: { uri }, position: { line, character: 2 } });
    const labels = (completion?.items ?? []).map((item) => item.label);
    if (!labels.includes(spanishKey)) problems.push(`'${spanishKey}' is not offered: ${JSON.stringify(labels)}`);
    if (labels.includes(coFunding.key)) problems.push(`the English key '${coFunding.key}' is offered: ${JSON.stringify(labels)}`);
    check("tne init --lang es --schema: key completion offers the Spanish key, not the English one", problems);
  }

  // Every example, through its own modeline.
  const examples = readdirSync(path.join(root, "examples")).filter((n) => n.endsWith(".yaml")).sort();
  if (examples.length === 0) usage("no examples/*.yaml");
  for (const example of examples) {
    const file = path.join(root, "examples", example);
    const text = readFileSync(file, "utf8");
    const problems = [];
    if (!text.startsWith("# yaml-language-server: $schema=")) problems.push("no modeline: the editor would not check it");
    const { diagnostics } = await open(file, text);
    if (diagnostics.length) problems.push(`${diagnostics.length} diagnostic(s): ${shownDiagnostics(diagnostics)}`);
    check(`examples/${example} opens with no diagnostics`, problems);
  }

  // The Spanish example's hover is Spanish: the schema its modeline names is the Spanish one.
  const spanish = path.join(root, "examples/universidad_estatal_es.yaml");
  const spanishText = readFileSync(spanish, "utf8");
  const at = keyPosition(spanishText, keyIn(coFunding, "es"));
  const hover = await client.request("textDocument/hover", {
    textDocument: { uri: pathToFileURL(spanish).href },
    position: { line: at.line, character: at.keyCharacter + 1 },
  });
  const title = `#### ${coFunding.text.es}`;
  const shown = hover?.contents?.value ?? "";
  check("examples/universidad_estatal_es.yaml: hover on an answered key shows its question in Spanish",
    shown.split("\n")[0] === title ? [] : [`expected its first line to be ${JSON.stringify(title)}, got ${JSON.stringify(shown.slice(0, 200))}`]);

  await client.shutdown();
} catch (error) {
  failures.push(`the check stopped: ${error.message}`);
  console.log(`FAIL  ${error.stack}`);
} finally {
  clearTimeout(watchdog);
  rmSync(workDir, { recursive: true, force: true });
}

console.log(`\ncheck-editor: ${passed} checks passed, ${failures.length} failure(s)`);
if (failures.length > 0) {
  console.log("check-editor: FAILED:");
  for (const line of failures) console.log(`  ${line}`);
  process.exit(1);
}
