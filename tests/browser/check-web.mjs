#!/usr/bin/env node
// Checks the browser page, build-web/tne.html (scripts/web.sh), in Debian's headless chromium
// (through playwright-core), loaded from file:// as an officer would open it:
//   - one engine, one answer: for every profile of --examples, in English and Spanish,
//     tne.assess(text, lang) is byte for byte what `TNE assess --format json` prints, and tne.plan
//     what `TNE plan --format json` prints for the next step of the pathway and for one named
//     target each (the models in turn), with the same date (SOURCE_DATE_EPOCH for the CLI);
//   - every profile of --invalid throws a TneError whose errors are the lines `TNE assess` prints
//     after "tne: error: ", in both languages; one of them at the line and column expected;
//   - opening a profile through the page's file input shows `TNE assess --format html` for it in
//     the report frame, in the language picked, and the page's own words switch language; a broken
//     profile shows its errors instead;
//   - the questionnaire filled by hand with an example's answers (clicks, typing, the keyboard),
//     switching language and reloading midway: the report frame and the plan are the CLI's for the
//     profile `TNE init --interactive` writes for those answers, and the profile saved (a download),
//     in Spanish and in English, is byte for byte that file; printed to PDF (A4) it holds every
//     section of the report and the inside of every fold (pdftotext); opening the profile fills
//     the questionnaire again; an answer that is not valid is marked; axe-core finds no violation
//     on the questionnaire, the report or the plan;
//   - no console error or warning, no uncaught page error, and no request of any kind but the
//     page itself (each is recorded and aborted); a fetch the page's script would make is refused
//     by the page's Content-Security-Policy before it becomes a request;
//   - the file is under 4 MB.
// It prints the time the engine takes to start and to assess one profile in the page, and the time
// from an answer to the report redrawn (docs/performance.md), and leaves screenshots in --out and
// --out/screenshots, and the printed page in --out/tne-report.pdf.
//
// Usage: node check-web.mjs --tne TNE --page tne.html --examples DIR --invalid DIR --out DIR
// Exit status: 0 every check passed, 1 some check failed, 2 usage or browser trouble.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const usage = 'usage: node check-web.mjs --tne TNE --page tne.html --examples DIR --invalid DIR --out DIR [--chromium PATH]';
const kMaxBytes = 4 * 1024 * 1024;
// The CLI's day for evidence, fixed so that both sides count evidence's age to the same day.
const kDate = '2026-11-23';
const kEpoch = String(Date.UTC(2026, 10, 23) / 1000);
// One broken profile whose error must be at this line and column (tests/profiles/invalid).
const kPlaced = { file: 'percent-out-of-range.yaml', at: ':7:23: ' };

function die(message) {
  console.error(`check-web: ${message}`);
  process.exit(2);
}

const options = { chromium: process.env.CHROMIUM || '/usr/bin/chromium' };
for (let i = 2; i < process.argv.length; i += 2) {
  const name = process.argv[i].replace(/^--/, '');
  if (!['tne', 'page', 'examples', 'invalid', 'out', 'chromium'].includes(name) || process.argv[i + 1] === undefined) {
    die(`unknown or incomplete option ${process.argv[i]}\n${usage}`);
  }
  options[name] = process.argv[i + 1];
}
for (const name of ['tne', 'page', 'examples', 'invalid', 'out']) if (!options[name]) die(`--${name} is missing\n${usage}`);
for (const path of [options.tne, options.page, options.examples, options.invalid, options.chromium]) {
  if (!existsSync(path)) die(`${path} does not exist`);
}
mkdirSync(options.out, { recursive: true });

const yamlIn = (dir) => readdirSync(dir).filter((name) => name.endsWith('.yaml')).sort().map((name) => join(dir, name));
const examples = yamlIn(options.examples);
const invalid = yamlIn(options.invalid);
if (examples.length === 0) die(`no profile in ${options.examples}`);
if (invalid.length === 0) die(`no profile in ${options.invalid}`);
if (!invalid.some((path) => basename(path) === kPlaced.file)) die(`${kPlaced.file} is not in ${options.invalid}`);

const failures = [];
const fail = (message) => failures.push(message);
let checks = 0;

// The CLI's output for ARGS: {status, stdout, stderr}.
function cli(args, env = {}) {
  const run = spawnSync(options.tne, args, { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 << 20 });
  if (run.error) die(`${options.tne} did not run: ${run.error.message}`);
  return run;
}

// Where two texts first differ, for the message.
function firstDifference(expected, actual) {
  const a = expected.split('\n');
  const b = actual.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); ++i) {
    if (a[i] !== b[i]) return `line ${i + 1}: CLI ${JSON.stringify(a[i])}, page ${JSON.stringify(b[i])}`;
  }
  return 'same lines, different bytes';
}

function same(what, expected, actual) {
  ++checks;
  if (expected !== actual) fail(`${what}: differs from the CLI at ${firstDifference(expected, actual)}`);
}

// ---- The questionnaire as an officer fills it (docs/testing.md, "Browser check of the page").
// The page's words the checks look controls up by, in both languages (web/page.js).
const kWords = {
  en: { language: 'Language', answer: 'Your answer', dontKnow: "Don't know", none: 'None of these',
        required: ' (required)', evidence: 'Evidence (optional): where this answer comes from',
        source: 'Source (document, system or record)', date: 'Date last checked', owner: 'Owner (who keeps it up to date)',
        next: 'Next part', save: 'Save the profile (YAML)', target: 'Plan toward the model', again: 'Start again',
        open: 'Open a profile (YAML)' },
  es: { language: 'Idioma', answer: 'Su respuesta', dontKnow: 'No sé', none: 'Ninguna de estas',
        required: ' (obligatoria)', evidence: 'Evidencia (opcional): de dónde sale esta respuesta',
        source: 'Fuente (documento, sistema o registro)', date: 'Fecha de la última revisión',
        owner: 'Responsable (quién la mantiene al día)', next: 'Parte siguiente', save: 'Guardar el perfil (YAML)',
        target: 'Plan hacia el modelo', again: 'Empezar de nuevo', open: 'Abrir un perfil (YAML)' },
};
// The example filled in by hand: Spanish, with evidence, one answer unknown.
const kFormExample = 'universidad_estatal_es.yaml';
// Redraws of the report timed after the questionnaire is filled (docs/performance.md).
const kTimedAnswers = 12;

const flatText = (text) => text.replace(/\s+/g, ' ').trim();
const htmlText = (html) => flatText(html.replace(/<[^>]*>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>')
  .replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&'));
const waitRedraws = (page, after) => page.waitForFunction(
  (count) => Number(document.getElementById('report').dataset.redraws || 0) > count, after, { timeout: 30000 });
const redraws = (page) => page.evaluate(() => Number(document.getElementById('report').dataset.redraws || 0));

// axe-core's violations on the page as it is now (frames aside: each report is checked on its own).
async function axeViolations(page) {
  const source = readFileSync(new URL('./node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
  // page.evaluate runs as the browser's tools do, outside the page's Content-Security-Policy.
  await page.evaluate(source);
  return page.evaluate(async () => {
    const result = await axe.run(document, { iframes: false, resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  });
}

async function checkQuestionnaire(page, problems) {
  const examplePath = join(options.examples, kFormExample);
  if (!existsSync(examplePath)) die(`${examplePath} is missing: the questionnaire is filled with its answers`);
  const shots = join(options.out, 'screenshots');
  mkdirSync(shots, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'tne-web-form-'));
  const exampleBytes = [...readFileSync(examplePath)];
  const spec = await page.evaluate(() => ({ en: tne.questionnaire('en'), es: tne.questionnaire('es') }));
  const given = await page.evaluate((bytes) => tne.answersOf(new Uint8Array(bytes), 'es').answers, exampleBytes);
  const known = Object.keys(given).length;
  ++checks;
  if (spec.en.total !== spec.es.total || known === 0 || known >= spec.en.total) {
    fail(`the questionnaire has ${spec.en.total}/${spec.es.total} questions, ${kFormExample} ${known} known answers: ` +
         'expected as many in both languages and some, not all, known');
  }

  // What `tne init --interactive --lang es` writes for the example's answers: it completes the
  // example, asking the unknown answers, "omitir" each; Enter saves; no HTML report, no text report.
  const reference = join(work, 'perfil.yaml');
  writeFileSync(reference, readFileSync(examplePath));
  const init = spawnSync(options.tne, ['init', '--interactive', '--lang', 'es', '-o', reference],
                         { input: 'omitir\n'.repeat(spec.en.total - known) + '\nn\nn\n', encoding: 'utf8' });
  if (init.status !== 0) die(`tne init --interactive on ${kFormExample} exited ${init.status}: ${init.stderr}`);
  const expectedYaml = readFileSync(reference, 'utf8');

  // A clean start: the checks above opened profiles, which the page keeps.
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: kWords.es.again, exact: true }).click();  // the page is in Spanish here
  await page.getByLabel(kWords.es.language, { exact: true }).selectOption('en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  const empty = await page.textContent('#progress');
  ++checks;
  if (!empty.startsWith(`Answered 0 of ${spec.en.total} questions`)) fail(`after "Start again" the progress says ${empty}`);
  // axe-core on the empty questionnaire too, in English, with what the report needs listed.
  for (const violation of await axeViolations(page)) fail(`axe, the empty questionnaire: ${violation}`);
  ++checks;

  let lang = 'en';
  let byKeyboard = false;
  const answerQuestion = async (question) => {
    const words = kWords[lang];
    const group = page.getByRole('group', { name: `${question.number}. ${question.text}${question.required ? words.required : ''}`, exact: true });
    const answer = given[question.path];
    if (!answer) {
      await group.getByLabel(words.dontKnow, { exact: true }).check();
      return;
    }
    const label = (id) => question.values.find((value) => value.id === id).label;
    // The second part with the keyboard alone: each option focused and chosen with the space bar.
    const choose = (control) => (byKeyboard ? control.press('Space') : control.check());
    if (question.values.length === 0) {
      await group.getByLabel(words.answer, { exact: true }).fill(answer.value);
    } else if (!Array.isArray(answer.value)) {
      await choose(group.getByLabel(label(answer.value), { exact: true }));
    } else if (answer.value.length === 0) {
      await choose(group.getByLabel(words.none, { exact: true }));
    } else {
      for (const id of answer.value) await choose(group.getByLabel(label(id), { exact: true }));
    }
    if (answer.evidence) {
      await group.getByText(words.evidence, { exact: true }).click();
      await group.getByLabel(words.source, { exact: true }).fill(answer.evidence.source);
      await group.getByLabel(words.date, { exact: true }).fill(answer.evidence.date);
      await group.getByLabel(words.owner, { exact: true }).fill(answer.evidence.owner);
    }
  };

  const parts = spec.en.parts.length;
  const switchAt = Math.floor(parts / 3);
  const reloadAt = Math.floor((2 * parts) / 3);
  for (let part = 0; part < parts; ++part) {
    if (part === switchAt) {
      // Switching language midway keeps every answer given.
      const before = await page.evaluate(() => localStorage.getItem('tne-questionnaire-v1'));
      await page.screenshot({ path: join(shots, 'questionnaire-en.png'), fullPage: true });
      await page.getByLabel(kWords.en.language, { exact: true }).selectOption('es');
      await page.waitForFunction(() => document.documentElement.lang === 'es');
      lang = 'es';
      const after = await page.evaluate(() => localStorage.getItem('tne-questionnaire-v1'));
      ++checks;
      if (JSON.parse(before).answers === undefined ||
          JSON.stringify(JSON.parse(before).answers) !== JSON.stringify(JSON.parse(after).answers)) {
        fail('switching to Spanish changed the answers kept');
      }
      const heading = await page.textContent('#part-heading');
      ++checks;
      if (!heading.startsWith(`Parte ${part + 1} de ${parts}: `)) fail(`after switching language the part shown is "${heading}"`);
    }
    if (part === reloadAt) {
      // Reloading (or closing the tab and opening the file again) loses nothing.
      const before = { progress: await page.textContent('#progress'), heading: await page.textContent('#part-heading') };
      await page.reload({ waitUntil: 'load' });
      await waitRedraws(page, 0);
      const after = { progress: await page.textContent('#progress'), heading: await page.textContent('#part-heading') };
      ++checks;
      if (before.progress !== after.progress || before.heading !== after.heading || !after.progress.startsWith('Respondidas')) {
        fail(`after a reload the page shows ${JSON.stringify(after)}, before it ${JSON.stringify(before)}`);
      }
    }
    byKeyboard = part === 1;
    for (const question of spec[lang].parts[part].questions) await answerQuestion(question);
    if (part === 1) await page.screenshot({ path: join(shots, 'questionnaire-part.png'), fullPage: false });
    if (part < parts - 1) await page.getByRole('button', { name: kWords[lang].next, exact: true }).click();
  }
  await page.waitForFunction((total) => document.getElementById('progress').textContent.startsWith(`Respondidas ${total} de ${total}`),
                             spec.es.total, { timeout: 30000 }).catch(() => {});
  const progress = await page.textContent('#progress');
  ++checks;
  if (!progress.startsWith(`Respondidas ${spec.es.total} de ${spec.es.total} preguntas (${known} conocidas`)) {
    fail(`with every question answered the progress says: ${progress}`);
  }

  // The report follows the answers: each answer's redraw timed from its input event to the report
  // frame's load, over answers that flip one question of the last part and back.
  const flip = spec.es.parts[parts - 1].questions.find((q) => q.values.length > 1 && typeof given[q.path]?.value === 'string');
  if (!flip) die(`the last part has no question with options that ${kFormExample} answers`);
  const flipGroup = page.getByRole('group', { name: `${flip.number}. ${flip.text}${flip.required ? kWords.es.required : ''}`, exact: true });
  const labels = [flip.values.find((v) => v.id !== given[flip.path].value).label, flip.values.find((v) => v.id === given[flip.path].value).label];
  await page.evaluate(() => {
    window.tneTimes = [];
    let started = null;
    document.addEventListener('input', (event) => { started ??= event.timeStamp; }, true);
    // (Capturing: before the page's own listener of the frame's load, which then draws the plan.)
    document.getElementById('report').addEventListener('load', () => {
      if (started !== null) window.tneTimes.push(performance.now() - started);
      started = null;
    }, { capture: true });
  });
  for (let i = 0; i < kTimedAnswers; ++i) {
    await flipGroup.getByLabel(labels[i % 2], { exact: true }).check();
    await page.waitForFunction((count) => window.tneTimes.length > count, i, { timeout: 30000 });
  }
  const times = (await page.evaluate(() => window.tneTimes)).sort((a, b) => a - b);
  const redraw = { median: times[Math.floor(times.length / 2)], max: times[times.length - 1], count: times.length };

  // The report in the page is `tne assess --format html` of what tne init wrote.
  const today = new Date().toISOString().slice(0, 10);
  const expectedReport = cli(['assess', reference, '--format', 'html', '--lang', 'es', '--date', today]).stdout
    .replaceAll(reference, 'perfil.yaml');
  same('the report of the questionnaire filled by hand', expectedReport, await page.getAttribute('#report', 'srcdoc'));
  await page.screenshot({ path: join(shots, 'report-es.png'), fullPage: false });

  // The plan toward a model picked from the list, as `tne plan --target` gives it.
  const model = (await page.evaluate(() => tne.models()))[0];
  await page.getByLabel(kWords.es.target, { exact: true }).selectOption({ label: model.es });
  await page.waitForFunction(() => !document.getElementById('plan').hidden, null, { timeout: 30000 });
  const expectedPlan = cli(['plan', reference, '--target', model.id, '--format', 'html', '--lang', 'es'],
                           { SOURCE_DATE_EPOCH: String(Date.parse(today) / 1000) }).stdout.replaceAll(reference, 'perfil.yaml');
  same(`the plan toward ${model.id}`, expectedPlan, await page.getAttribute('#plan', 'srcdoc'));
  await page.locator('#plan').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, 'plan-es.png'), fullPage: false });

  // Saved: byte for byte what tne init wrote.
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }),
                                        page.getByRole('button', { name: kWords.es.save, exact: true }).click()]);
  const savedPath = join(work, 'saved.yaml');
  await download.saveAs(savedPath);
  same('the profile saved from the page', expectedYaml, readFileSync(savedPath, 'utf8'));
  ++checks;
  if (download.suggestedFilename() !== 'perfil.yaml') fail(`the profile is saved as ${download.suggestedFilename()}`);

  // Saved in English after switching: what `tne init --interactive --lang en` writes.
  const referenceEn = join(work, 'profile.yaml');
  writeFileSync(referenceEn, readFileSync(examplePath));
  const initEn = spawnSync(options.tne, ['init', '--interactive', '--lang', 'en', '-o', referenceEn],
                           { input: 'skip\n'.repeat(spec.en.total - known) + '\nn\nn\n', encoding: 'utf8' });
  if (initEn.status !== 0) die(`tne init --interactive --lang en on ${kFormExample} exited ${initEn.status}: ${initEn.stderr}`);
  await page.getByLabel(kWords.es.language, { exact: true }).selectOption('en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  const [downloadEn] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }),
                                          page.getByRole('button', { name: kWords.en.save, exact: true }).click()]);
  await downloadEn.saveAs(join(work, 'saved-en.yaml'));
  same('the profile saved from the page in English', readFileSync(referenceEn, 'utf8'), readFileSync(join(work, 'saved-en.yaml'), 'utf8'));
  ++checks;
  if (downloadEn.suggestedFilename() !== 'profile.yaml') fail(`the English profile is saved as ${downloadEn.suggestedFilename()}`);
  await page.getByLabel(kWords.en.language, { exact: true }).selectOption('es');
  await page.waitForFunction(() => document.documentElement.lang === 'es');

  // Printed: the whole report on A4, every section's heading and the body of every fold.
  // (The printable copy follows the report frame's load.)
  await page.waitForFunction(() => document.getElementById('print-copy').dataset.drawn ===
                             document.getElementById('report').dataset.redraws, null, { timeout: 30000 });
  const pdfPath = join(options.out, 'tne-report.pdf');
  await page.pdf({ path: pdfPath, format: 'A4', printBackground: true });
  const pdfText = spawnSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' });
  if (pdfText.status !== 0) die(`pdftotext ${pdfPath} failed: ${pdfText.stderr || pdfText.error}`);
  const printed = flatText(pdfText.stdout);
  const headings = [...expectedReport.matchAll(/<h2[^>]*>([\s\S]*?)<\/h2>/g)].map((m) => htmlText(m[1]));
  const folded = [...expectedReport.matchAll(/<\/summary>([\s\S]*?)<\/details>/g)]
    .map((m) => htmlText(m[1]).split(' ').slice(0, 6).join(' '));
  ++checks;
  if (headings.length < 5 || folded.length === 0) fail(`the report has ${headings.length} headings and ${folded.length} folds`);
  for (const text of headings.concat(folded)) {
    ++checks;
    if (!printed.includes(text)) fail(`the printed report (${pdfPath}) lacks "${text}"`);
  }
  ++checks;
  if (printed.includes(kWords.es.save) || printed.includes(spec.es.parts[0].questions[0].text)) {
    fail('the printed page shows the questionnaire, not only the report');
  }

  // Opening a profile fills the questionnaire: the page's profile is then the one tne init writes.
  await page.getByLabel(kWords.es.open, { exact: true }).setInputFiles(reference);
  await page.waitForFunction(() => document.getElementById('status').textContent.includes('perfil.yaml abierto'));
  const reopened = await page.evaluate(() => {
    const kept = JSON.parse(localStorage.getItem('tne-questionnaire-v1'));
    return tne.profileOf(Object.fromEntries(Object.entries(kept.answers).map(([path, answer]) =>
      [path, kept.evidence[path] ? { ...answer, evidence: kept.evidence[path] } : answer])), 'es').yaml;
  });
  same(`the profile after opening ${reference}`, expectedYaml, reopened);

  // An answer that is not valid is marked at its question, and the profile is not saved.
  await page.getByRole('button', { name: `1. ${spec.es.parts[0].name} (${spec.es.parts[0].questions.length} de ${spec.es.parts[0].questions.length} respondidas)`, exact: true }).click();
  const studentsQuestion = spec.es.parts[0].questions.find((q) => q.type === 'count');
  const students = page.getByRole('group', { name: `${studentsQuestion.number}. ${studentsQuestion.text}${studentsQuestion.required ? kWords.es.required : ''}`, exact: true });
  const redrawn = await redraws(page);
  await students.getByLabel(kWords.es.answer, { exact: true }).fill('muchos');
  await waitRedraws(page, redrawn);
  const error = await students.locator('.error').textContent();
  ++checks;
  if (!error || (await students.locator('input[aria-invalid="true"]').count()) === 0) fail('a count "muchos" is not marked as not valid');
  await students.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, 'invalid-answer-es.png'), fullPage: false });
  const violations = await axeViolations(page);
  await students.getByLabel(kWords.es.answer, { exact: true }).fill(given[studentsQuestion.path].value);
  await waitRedraws(page, await redraws(page));

  // axe-core: the questionnaire (with a mistake shown) and the report.
  for (const violation of violations) fail(`axe, the questionnaire: ${violation}`);
  ++checks;
  const reportPage = await page.context().newPage();
  reportPage.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error in the report: ${message.text()}`);
  });
  await reportPage.setContent(expectedReport, { waitUntil: 'load' });
  for (const violation of await axeViolations(reportPage)) fail(`axe, the report: ${violation}`);
  ++checks;
  await reportPage.setContent(expectedPlan, { waitUntil: 'load' });
  for (const violation of await axeViolations(reportPage)) fail(`axe, the plan: ${violation}`);
  ++checks;
  await reportPage.close();

  // The engine's checks of the page's answers, through the API the page calls.
  const api = await page.evaluate(() => {
    const questions = tne.questionnaire('es').parts.flatMap((part) => part.questions);
    const required = questions.find((q) => q.required);
    const percent = questions.find((q) => q.type === 'percent' && !q.required);
    const list = questions.find((q) => q.type === 'list' && !q.required);
    const of = (answers) => tne.profileOf(answers, 'es');
    const line = (yaml, q) => yaml.split('\n').find((text) => text.startsWith(`  ${q.writtenPath.split('.')[1]}:`));
    const evidence = (fields) => of({ [percent.path]: { value: '30', evidence: fields } });
    let notProfile;
    try {
      tne.answersOf('[1, 2]\n', 'es', { source: 'lista.yaml' });
      notProfile = 'no error';
    } catch (error) {
      notProfile = `${error instanceof tne.TneError} ${error.exitCode} ${error.errors[0]?.file}`;
    }
    return {
      requiredUnknown: of({ [required.path]: { unknown: true } }).problems.map((p) => `${p.path}: ${p.message}`),
      decimalComma: line(of({ [percent.path]: { value: '12,5' } }).yaml, percent),
      percentSign: line(of({ [percent.path]: { value: '40 %' } }).yaml, percent),
      outOfRange: of({ [percent.path]: { value: '140' } }),
      unknownOption: of({ [list.path]: { value: ['no_such_option'] } }).problems.length,
      noOwner: evidence({ source: 'Informe', date: '2026-01-31', owner: '' }).problems.length,
      badDate: evidence({ source: 'Informe', date: '2026-02-30', owner: 'Rectoría' }).problems.length,
      withEvidence: line(evidence({ source: 'Informe anual', date: '2026-01-31', owner: 'Rectoría' }).yaml, percent),
      dontKnow: of({ [percent.path]: { unknown: true } }).progress,
      key: percent.writtenPath,
      notProfile,
    };
  });
  const expectations = [
    ['a required question left unknown is a problem', api.requiredUnknown.length === 1 && api.requiredUnknown[0].includes('obligatoria')],
    ['"12,5" is read as 12.5', api.decimalComma?.trim().endsWith(': 12.5')],
    ['"40 %" is read as 40', api.percentSign?.trim().endsWith(': 40')],
    ['140% is a problem and left out', api.outOfRange.problems.length === 1 && api.outOfRange.progress.answered === 0],
    ['an option the question has not is a problem', api.unknownOption === 1],
    ['evidence without its owner is a problem', api.noOwner === 1],
    ['evidence of 30 February is a problem', api.badDate === 1],
    ['evidence is written as tne init writes it',
     api.withEvidence?.trim().endsWith(': {valor: 30, evidencia: {fuente: Informe anual, fecha: 2026-01-31, responsable: Rectoría}}')],
    ['"don\'t know" is answered, not known', api.dontKnow.answered === 1 && api.dontKnow.known === 0],
    ['a file that is not a profile is a TneError at its name', api.notProfile === 'true 2 lista.yaml'],
  ];
  for (const [what, held] of expectations) {
    ++checks;
    if (!held) fail(`tne.profileOf / tne.answersOf: ${what} (${JSON.stringify(api)})`);
  }

  rmSync(work, { recursive: true, force: true });
  return redraw;
}

const size = statSync(options.page).size;
++checks;
if (size >= kMaxBytes) fail(`${options.page} is ${size} bytes, not under ${kMaxBytes}`);

const url = pathToFileURL(resolve(options.page)).href;
const profileDir = mkdtempSync(join(tmpdir(), 'tne-chromium-'));
let context;
try {
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: options.chromium,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
             '--disable-dev-shm-usage'],
      viewport: { width: 1280, height: 900 },
      locale: 'en-GB',
    });
  } catch (error) {
    die(`chromium did not start: ${error.message.split('\n')[0]}`);
  }
  // Every request but the page itself is a failure, data: URLs included, and is aborted.
  await context.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
  const page = context.pages()[0] ?? (await context.newPage());
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    if (request.url() !== url) problems.push(`request for ${request.url().slice(0, 120)}`);
  });

  const loadStarted = Date.now();
  await page.goto(url, { waitUntil: 'load', timeout: 60000 });
  // The engine's start, the rubric set loaded (tne.ready waits for both), and the first assessment.
  const startup = await page.evaluate(async (text) => {
    await tne.ready;
    const ready = performance.now();
    tne.assess(text, 'en');
    return { ready, firstAssess: performance.now() - ready };
  }, readFileSync(examples[0], 'utf8'));

  // One engine, one answer: assess and plan.
  const models = await page.evaluate(() => tne.models().map((model) => model.id));
  ++checks;
  if (models.length === 0) fail('tne.models() is empty');
  for (const [index, path] of examples.entries()) {
    const text = readFileSync(path, 'utf8');
    const target = models[index % models.length];
    for (const lang of ['en', 'es']) {
      const native = cli(['assess', path, '--format', 'json', '--lang', lang, '--date', kDate]);
      if (native.status !== 0) {
        fail(`tne assess ${path} --lang ${lang} exited ${native.status}: ${native.stderr}`);
        continue;
      }
      const web = await page.evaluate(
        ({ text, lang, source, date }) => tne.assess(text, lang, { source, date }),
        { text, lang, source: path, date: kDate },
      );
      same(`tne.assess(${path}, ${lang})`, native.stdout, web);

      for (const named of ['', target]) {
        const args = ['plan', path, '--format', 'json', '--lang', lang].concat(named ? ['--target', named] : []);
        const plan = cli(args, { SOURCE_DATE_EPOCH: kEpoch });
        if (plan.status !== 0 && plan.status !== 1) {
          fail(`tne ${args.join(' ')} exited ${plan.status}: ${plan.stderr}`);
          continue;
        }
        const webPlan = await page.evaluate(
          ({ text, named, lang, source, date }) => tne.plan(text, named, lang, { source, date }),
          { text, named, lang, source: path, date: kDate },
        );
        same(`tne.plan(${path}, ${JSON.stringify(named)}, ${lang})`, plan.stdout, webPlan);
      }
    }
  }

  // Errors at their line and column, as the CLI gives them.
  for (const path of invalid) {
    for (const lang of ['en', 'es']) {
      const native = cli(['assess', path, '--format', 'json', '--lang', lang, '--date', kDate]);
      const expected = native.stderr.split('\n').filter((line) => line.startsWith('tne: error: '))
        .map((line) => line.slice('tne: error: '.length));
      const web = await page.evaluate(({ bytes, lang, source }) => {
        try {
          tne.assess(new Uint8Array(bytes), lang, { source });
          return { threw: false };
        } catch (error) {
          return { threw: error instanceof tne.TneError, exitCode: error.exitCode, message: error.message,
                   texts: (error.errors || []).map((e) => e.text),
                   placed: (error.errors || []).map((e) => `${e.file}:${e.line}:${e.column}: ${e.message}`) };
        }
      }, { bytes: [...readFileSync(path)], lang, source: path });
      ++checks;
      if (native.status !== 2 || expected.length === 0) {
        fail(`tne assess ${path} exited ${native.status} with no error line: it is no broken profile`);
      } else if (!web.threw || web.exitCode !== 2) {
        fail(`tne.assess(${path}, ${lang}) did not throw a TneError with exit code 2 (${JSON.stringify(web)})`);
      } else {
        same(`errors of ${path} (${lang})`, expected.join('\n'), web.texts.join('\n'));
        same(`TneError.message of ${path} (${lang})`, expected.join('\n'), web.message);
        // Where a message has a place, its fields make the CLI's line.
        const placed = web.texts.filter((line, i) => line === web.placed[i]).length;
        ++checks;
        if (placed === 0 && expected.some((line) => /:\d+:\d+: /.test(line))) {
          fail(`errors of ${path} (${lang}): no error's file, line, column and message make its text`);
        }
        if (basename(path) === kPlaced.file) {
          ++checks;
          if (!web.texts[0]?.includes(kPlaced.at)) fail(`${path}: the error is not at ${kPlaced.at}: ${web.texts[0]}`);
        }
      }
    }
  }

  // A target that is no model: the CLI's usage error, without its option's dashes; a language that
  // is none: an error too, not a report in some language.
  for (const lang of ['en', 'es']) {
    const path = examples[0];
    const native = cli(['plan', path, '--target', 'no_such_model', '--format', 'json', '--lang', lang]);
    // The whole message: from "tne: error: " to the line that points at --help.
    const lines = native.stderr.split('\n');
    const first = lines.findIndex((line) => line.startsWith('tne: error: '));
    const help = lines.findIndex((line, i) => i > first && line.includes(' --help'));
    const expected = first < 0 || help < 0 ? ''
      : lines.slice(first, help).join('\n').slice('tne: error: '.length).replace(/^--target /, 'target ');
    const web = await page.evaluate(({ text, lang }) => {
      try {
        return { returned: tne.plan(text, 'no_such_model', lang) };
      } catch (error) {
        return { exitCode: error.exitCode, message: error.message, named: error instanceof tne.TneError };
      }
    }, { text: readFileSync(path, 'utf8'), lang });
    ++checks;
    if (native.status !== 2 || !expected.startsWith('target no_such_model')) {
      fail(`tne plan --target no_such_model exited ${native.status}: ${native.stderr}`);
    } else if (!web.named || web.exitCode !== 2) {
      fail(`tne.plan(…, "no_such_model", ${lang}) did not throw a TneError with exit code 2: ${JSON.stringify(web)}`);
    } else {
      same(`tne.plan(…, "no_such_model", ${lang})'s error`, expected, web.message);
    }
  }
  const badLang = await page.evaluate((text) => {
    try {
      return tne.assess(text, 'fr').slice(0, 40);
    } catch (error) {
      return error instanceof tne.TneError ? error.message : `not a TneError: ${error}`;
    }
  }, readFileSync(examples[0], 'utf8'));
  ++checks;
  if (badLang !== 'lang fr: expected en or es') fail(`tne.assess(…, "fr") gave ${JSON.stringify(badLang)}`);
  const badOptions = await page.evaluate((text) => [{ date: '2026-02-30' }, { format: 'pdf' }].map((options) => {
    try {
      return tne.assess(text, 'es', options).slice(0, 40);
    } catch (error) {
      return error instanceof tne.TneError ? error.message : `not a TneError: ${error}`;
    }
  }), readFileSync(examples[0], 'utf8'));
  ++checks;
  if (badOptions[0] !== 'date 2026-02-30: no es una fecha válida; se espera AAAA-MM-DD, p. ej. 2026-11-23' ||
      badOptions[1] !== 'format pdf: se esperaba json, html o markdown') {
    fail(`tne.assess with a bad date and format gave ${JSON.stringify(badOptions)}`);
  }

  // The page as a person uses it: open a profile, read its report, switch language.
  const example = examples[0];
  const today = () => new Date().toISOString().slice(0, 10);
  const shown = async (lang, what) => {
    await page.waitForFunction(() => !document.getElementById('report').hidden, null, { timeout: 30000 });
    const srcdoc = await page.getAttribute('#report', 'srcdoc');
    const expected = cli(['assess', example, '--format', 'html', '--lang', lang, '--date', today()]).stdout;
    // The page names the profile by its file name, as an officer opened it.
    same(`the report frame ${what}`, expected.replaceAll(example, basename(example)), srcdoc);
    const heading = await page.frameLocator('#report').locator('h1').first().textContent({ timeout: 10000 });
    ++checks;
    if (!heading || !expected.includes(heading.trim().slice(0, 20))) fail(`the report frame ${what} shows no report heading (${heading})`);
  };
  await page.selectOption('#lang', 'en');
  await page.setInputFiles('#profile', example);
  await shown('en', `after opening ${example} in English`);
  const englishTitle = await page.textContent('h1');
  await page.screenshot({ path: join(options.out, 'web-en.png'), fullPage: false });
  await page.selectOption('#lang', 'es');
  await page.waitForFunction(() => document.documentElement.lang === 'es');
  await shown('es', `after switching to Spanish`);
  const spanishTitle = await page.textContent('h1');
  ++checks;
  if (!englishTitle || englishTitle === spanishTitle) fail(`the page's heading did not change language (${englishTitle} / ${spanishTitle})`);
  await page.screenshot({ path: join(options.out, 'web-es.png'), fullPage: false });

  const broken = invalid.find((path) => basename(path) === kPlaced.file);
  await page.setInputFiles('#profile', broken);
  await page.waitForFunction(() => !document.getElementById('problems').hidden, null, { timeout: 30000 });
  const listed = await page.locator('#problem-list li').allTextContents();
  const expectedLines = cli(['assess', broken, '--lang', 'es']).stderr.split('\n')
    .filter((line) => line.startsWith('tne: error: ')).map((line) => line.slice('tne: error: '.length)
    .replaceAll(broken, basename(broken)));
  same(`the problems shown for ${broken}`, expectedLines.join('\n'), listed.join('\n'));
  await page.screenshot({ path: join(options.out, 'web-problems.png'), fullPage: false });

  const redraw = await checkQuestionnaire(page, problems);

  // The time of one assessment in the page, the rubric set already loaded: the median of 9.
  const timing = await page.evaluate((text) => {
    const times = [];
    for (let i = 0; i < 9; ++i) {
      const started = performance.now();
      tne.assess(text, 'en', { format: 'html' });
      times.push(performance.now() - started);
    }
    return times.sort((a, b) => a - b)[4];
  }, readFileSync(examples[examples.length - 1], 'utf8'));

  // The CSP: a request the page's own script would make never becomes one.
  const fetched = await page.evaluate(() => fetch('https://example.org/').then(() => 'sent', () => 'refused'));
  ++checks;
  if (fetched !== 'refused') fail(`a fetch from the page was ${fetched}: the Content-Security-Policy does not hold`);
  const refusedByPolicy = problems.filter((problem) => problem.includes('Content Security Policy'));
  ++checks;
  if (refusedByPolicy.length === 0) fail('the fetch was not refused by the Content-Security-Policy');
  const others = problems.filter((problem) => !problem.includes('example.org') && !refusedByPolicy.includes(problem));
  ++checks;
  for (const problem of others) fail(problem);

  console.log(`check-web: ${options.page}: ${size} bytes; the engine ready ${startup.ready.toFixed(0)} ms after ` +
              `navigation (the rubric set loaded); the first assess (${basename(examples[0])}, json) ` +
              `${startup.firstAssess.toFixed(0)} ms; then one assess (${basename(examples[examples.length - 1])}, html) ` +
              `${timing.toFixed(1)} ms (median of 9); all checks ${((Date.now() - loadStarted) / 1000).toFixed(1)} s`);
  console.log(`check-web: the report redrawn after an answer (from the input event to the report frame's load, ` +
              `${redraw.count} answers): median ${redraw.median.toFixed(0)} ms, max ${redraw.max.toFixed(0)} ms`);
} finally {
  await context?.close();
  rmSync(profileDir, { recursive: true, force: true });
}

for (const failure of failures) console.log(`FAIL ${failure}`);
console.log(`check-web: ${checks - failures.length} passed, ${failures.length} failed`);
process.exit(failures.length === 0 ? 0 : 1);
