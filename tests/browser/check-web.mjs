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
//   - no console error or warning, no uncaught page error, and no request of any kind but the
//     page itself (each is recorded and aborted); a fetch the page's script would make is refused
//     by the page's Content-Security-Policy before it becomes a request;
//   - the file is under 4 MB.
// It prints the time the engine takes to start and to assess one profile in the page (docs/
// performance.md), and leaves screenshots in --out.
//
// Usage: node check-web.mjs --tne TNE --page tne.html --examples DIR --invalid DIR --out DIR
// Exit status: 0 every check passed, 1 some check failed, 2 usage or browser trouble.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
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
  ++checks;
  if (!(await page.isHidden('#report'))) fail(`the report frame still shows after opening ${broken}`);
  await page.screenshot({ path: join(options.out, 'web-problems.png'), fullPage: false });

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
} finally {
  await context?.close();
  rmSync(profileDir, { recursive: true, force: true });
}

for (const failure of failures) console.log(`FAIL ${failure}`);
console.log(`check-web: ${checks - failures.length} passed, ${failures.length} failed`);
process.exit(failures.length === 0 ? 0 : 1);
