#!/usr/bin/env node
// Opens each HTML report in Debian's headless chromium (through playwright-core, which never
// downloads a browser) and checks what a reader's browser would show:
//   - no console error or warning and no uncaught page error;
//   - no request for anything but the page itself (reports are self-contained: no network, no
//     files beside them); such requests are recorded and aborted, never sent;
//   - no <script> element (reports are static);
//   - the expected number of charts: <svg role="img"> with an accessible name and a visible size;
//   - <html lang> is the expected language;
//   - the page prints to an A4 PDF within the expected number of pages;
//   - the PDF holds the whole page: every piece of the page's text (each paragraph, list item, table
//     cell, heading, summary, caption...), folded <details> bodies included, is found in the PDF's
//     text (pdftotext), compared without whitespace or hyphens so line breaks do not matter;
//   - no PDF page ends with a heading (h1-h6, or a <details> summary, which heads its body): a
//     heading must keep with what follows it.
// A full-page PNG and the PDF are written to --out for people to look at.
//
// Usage: node check-reports.mjs [options] FILE.html...
// Exit status: 0 every file passed, 1 some file failed a check, 2 usage or browser trouble.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, mkdirSync, existsSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const usage = `usage: node check-reports.mjs [options] FILE.html...
  --expect-svg N   exactly N charts (<svg role="img">)
  --min-svg N      at least N charts
  --lang L         <html lang> must be L (without it: must be present)
  --min-pages N    the A4 PDF has at least N pages (default 1)
  --max-pages N    the A4 PDF has at most N pages
  --jobs N         files checked at once, each in its own browser (default: cores, at most 4)
  --out DIR        where screenshots and PDFs go (default build/browser-reports)
  --chromium PATH  the browser (default /usr/bin/chromium, or $CHROMIUM)`;

function die(message) {
  console.error(`check-reports: ${message}`);
  process.exit(2);
}

function parseArgs(argv) {
  const options = {
    expectSvg: null, minSvg: null, lang: null, minPages: 1, maxPages: null,
    jobs: Math.max(1, Math.min(4, availableParallelism())), out: 'build/browser-reports', chromium: process.env.CHROMIUM || '/usr/bin/chromium', files: [],
  };
  const count = (flag, value) => {
    if (value === undefined || !/^\d+$/.test(value)) die(`${flag} needs a whole number\n${usage}`);
    return Number(value);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    switch (arg) {
      case '--expect-svg': options.expectSvg = count(arg, argv[++i]); break;
      case '--min-svg': options.minSvg = count(arg, argv[++i]); break;
      case '--min-pages': options.minPages = count(arg, argv[++i]); break;
      case '--max-pages': options.maxPages = count(arg, argv[++i]); break;
      case '--jobs': options.jobs = Math.max(1, count(arg, argv[++i])); break;
      case '--lang': options.lang = argv[++i] ?? die(`--lang needs a value\n${usage}`); break;
      case '--out': options.out = argv[++i] ?? die(`--out needs a value\n${usage}`); break;
      case '--chromium': options.chromium = argv[++i] ?? die(`--chromium needs a value\n${usage}`); break;
      case '-h': case '--help': console.log(usage); process.exit(0);
      default:
        if (arg.startsWith('-')) die(`unknown option ${arg}\n${usage}`);
        options.files.push(arg);
    }
  }
  if (options.files.length === 0) die(`no HTML file given\n${usage}`);
  if (!existsSync(options.chromium)) die(`no browser at ${options.chromium} (apt-get install chromium)`);
  return options;
}

// pdfinfo (poppler-utils) reads the page tree properly, where counting "/Type /Page" in the bytes
// would be fooled by object streams.
function pdfPages(path) {
  let text;
  try {
    text = execFileSync('pdfinfo', [path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    if (error.code === 'ENOENT') die('pdfinfo is missing (apt-get install poppler-utils)');
    throw new Error(`pdfinfo could not read ${path}: ${String(error.stderr || error.message).trim()}`);
  }
  const match = /^Pages:\s+(\d+)/m.exec(text);
  if (!match) throw new Error(`pdfinfo printed no page count for ${path}`);
  return Number(match[1]);
}

// The PDF's text, one string per page (pdftotext ends each page with a form feed), in pdftotext's
// reading order.
function pdfPageTexts(path) {
  let text;
  try {
    text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', path, '-'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    if (error.code === 'ENOENT') die('pdftotext is missing (apt-get install poppler-utils)');
    throw new Error(`pdftotext could not read ${path}: ${String(error.stderr || error.message).trim()}`);
  }
  const pages = text.split('\f');
  if (pages.length > 1 && pages[pages.length - 1].trim() === '') pages.pop();
  return pages;
}

// Text as compared between the page and its PDF: compatibility forms folded (a ligature is its
// letters), and no whitespace or hyphens, so where the PDF breaks a line or a word does not matter.
const comparable = (text) => text.normalize('NFKC').replace(/[\s\u00AD\u2010\u2011-]+/g, '');

// Cut a long text for a message.
const excerpt = (text, length = 70) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

// What a report's page holds in words (run in the page): its headings and summaries, and its text in
// pieces no larger than a block (a paragraph, a list item's own words, a table cell...), each with
// where it sits: the top-level section and the innermost <details>, open or not. Charts are left
// out (the table after each says the same in words), as is anything not rendered as text.
function pageText() {
  const inline = new Set(['A', 'ABBR', 'B', 'BR', 'CITE', 'CODE', 'DATA', 'DFN', 'EM', 'I', 'KBD', 'LABEL',
    'MARK', 'Q', 'S', 'SAMP', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR', 'WBR']);
  const skipped = new Set(['HEAD', 'SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'svg']);
  const squeeze = (text) => text.replace(/\s+/g, ' ').trim();
  const excerpt = (text) => (text.length > 50 ? `${text.slice(0, 49)}…` : text);  // runs in the page
  const pieces = [];
  const inlineText = (node) => {
    if (node.nodeType === Node.TEXT_NODE) return node.data;
    if (node.nodeType !== Node.ELEMENT_NODE || skipped.has(node.tagName)) return '';
    return [...node.childNodes].map(inlineText).join('');
  };
  const walk = (element, where) => {
    let words = '';
    const flush = () => {
      const text = squeeze(words);
      if (text) pieces.push({ ...where, text });
      words = '';
    };
    for (const child of element.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) { words += child.data; continue; }
      if (child.nodeType !== Node.ELEMENT_NODE || skipped.has(child.tagName)) continue;
      if (inline.has(child.tagName)) { words += inlineText(child); continue; }
      flush();
      const inner = { ...where };
      if (child.tagName === 'SECTION' && !where.section) {
        const heading = child.querySelector('h1, h2, h3, h4, h5, h6');
        inner.section = child.id ? `#${child.id}` : `"${excerpt(squeeze(heading?.textContent ?? ''))}"`;
      }
      if (child.tagName === 'DETAILS') {
        const summary = child.querySelector(':scope > summary');
        inner.details = `${child.open ? 'open' : 'folded'} <details> "${excerpt(squeeze(summary?.textContent ?? ''))}"`;
      }
      walk(child, inner);
    }
    flush();
  };
  walk(document.body, { section: '', details: '' });
  const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6, summary')]
    .map((heading) => squeeze(heading.textContent)).filter((text) => text !== '');
  return { pieces, headings };
}

// Problems with a PDF against the page's text: pieces missing from it (grouped by section and
// details), and pages whose last words are a heading's.
function printProblems(content, pageTexts) {
  const problems = [];
  const whole = comparable(pageTexts.join('\n'));
  // A text the page has n times must be in the PDF n times: a folded reason that repeats one shown
  // elsewhere is not found by finding the shown one. Where a copy is short, the last ones (folded
  // parts come after what they expand) are the ones reported.
  const copiesInPdf = (needle, wanted) => {
    let found = 0;
    for (let at = whole.indexOf(needle); at !== -1 && found < wanted; at = whole.indexOf(needle, at + needle.length)) {
      found++;
    }
    return found;
  };
  const onPage = new Map();
  for (const piece of content.pieces) {
    const key = comparable(piece.text);
    onPage.set(key, (onPage.get(key) ?? 0) + 1);
  }
  const short = new Map([...onPage].map(([key, wanted]) => [key, wanted - copiesInPdf(key, wanted)]));
  const lost = [];
  for (const piece of [...content.pieces].reverse()) {
    const key = comparable(piece.text);
    if (short.get(key) > 0) {
      short.set(key, short.get(key) - 1);
      lost.unshift(piece);
    }
  }
  const missing = new Map();
  for (const piece of lost) {
    const where = [piece.section ? `section ${piece.section}` : 'the page outside any section', piece.details]
      .filter(Boolean).join(', in the ');
    if (!missing.has(where)) missing.set(where, []);
    missing.get(where).push(piece.text);
  }
  for (const [where, texts] of missing) {
    problems.push(`${texts.length} piece(s) of text of ${where} are not in the PDF (or fewer times than on the page), `
      + `first: "${excerpt(texts[0])}"`);
  }
  const headings = [...new Set(content.headings.map(comparable))].filter((text) => text !== '');
  pageTexts.forEach((text, index) => {
    const page = comparable(text);
    const heading = headings.find((candidate) => page.endsWith(candidate));
    if (heading !== undefined) {
      const words = content.headings.find((candidate) => comparable(candidate) === heading);
      problems.push(`page ${index + 1} of ${pageTexts.length} ends with the heading "${excerpt(words)}": `
        + 'none of what it heads is on that page');
    }
  });
  return problems;
}

const kb = (path) => `${Math.max(1, Math.round(statSync(path).size / 1024))} KB`;

async function checkFile(file, options) {
  const problems = [];
  const path = resolve(file);
  const url = pathToFileURL(path).href;
  const stem = basename(path).replace(/\.html?$/i, '');
  const png = join(options.out, `${stem}.png`);
  const pdf = join(options.out, `${stem}.pdf`);
  const facts = { pages: '-', pieces: '-', png: '-', pdf: '-', html: kb(path) };

  // A fresh profile for every file: nothing cached or remembered from a previous report.
  const profile = mkdtempSync(join(tmpdir(), 'tne-chromium-'));
  let context;
  try {
    try {
      context = await chromium.launchPersistentContext(profile, {
        executablePath: options.chromium,
        headless: true,
        // --disable-dev-shm-usage: CI containers often give /dev/shm only 64 MB, where chromium's
        // renderer crashes on long pages.
        args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
               '--disable-dev-shm-usage'],
        viewport: { width: 1280, height: 800 },
      });
    } catch (error) {
      rmSync(profile, { recursive: true, force: true });  // die() skips the finally below
      die(`chromium did not start: ${error.message.split('\n')[0]}`);
    }

    // Every request other than the page itself fails the file and is aborted, so nothing leaves
    // the machine and the check does not depend on the network. data: URLs are inline content.
    const isPage = (requestUrl) => requestUrl.split('#')[0] === url;
    await context.route('**/*', (route) => {
      const requestUrl = route.request().url();
      return isPage(requestUrl) || requestUrl.startsWith('data:') ? route.continue() : route.abort();
    });
    const page = context.pages()[0] ?? await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') {
        const where = message.location()?.url ? ` (${message.location().url})` : '';
        problems.push(`console ${message.type()}: ${message.text()}${where}`);
      }
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('request', (request) => {
      const requestUrl = request.url();
      if (!isPage(requestUrl) && !requestUrl.startsWith('data:')) {
        problems.push(`request for ${requestUrl} (reports must be self-contained)`);
      }
    });

    const response = await page.goto(url, { waitUntil: 'load', timeout: 30000 });
    if (response && !response.ok()) problems.push(`the page itself did not load (${response.status()})`);

    const dom = await page.evaluate(() => ({
      lang: document.documentElement.getAttribute('lang'),
      scripts: document.querySelectorAll('script').length,
      charts: [...document.querySelectorAll('svg[role="img"]')].map((svg) => {
        const box = svg.getBoundingClientRect();
        const title = svg.querySelector(':scope > title')?.textContent.trim();
        return {
          name: title || svg.getAttribute('aria-label') || svg.getAttribute('aria-labelledby') || '',
          width: box.width, height: box.height,
        };
      }),
    }));
    const content = await page.evaluate(pageText);
    if (options.lang !== null && dom.lang !== options.lang) {
      problems.push(`<html lang> is ${dom.lang === null ? 'missing' : `"${dom.lang}"`}, expected "${options.lang}"`);
    } else if (options.lang === null && !dom.lang) {
      problems.push('<html> has no lang attribute');
    }
    if (dom.scripts > 0) problems.push(`${dom.scripts} <script> element(s); reports must not run scripts`);
    const charts = dom.charts.length;
    if (options.expectSvg !== null && charts !== options.expectSvg) {
      problems.push(`${charts} chart(s) (<svg role="img">), expected ${options.expectSvg}`);
    }
    if (options.minSvg !== null && charts < options.minSvg) {
      problems.push(`${charts} chart(s) (<svg role="img">), expected at least ${options.minSvg}`);
    }
    dom.charts.forEach((chart, index) => {
      if (!chart.name) problems.push(`chart ${index + 1} has no accessible name (<title> or aria-label)`);
      if (chart.width < 1 || chart.height < 1) {
        problems.push(`chart ${index + 1} ("${chart.name}") is not visible (${chart.width}x${chart.height})`);
      }
    });

    await page.screenshot({ path: png, fullPage: true });
    const size = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]);
    facts.png = `${size[0]}x${size[1]} ${kb(png)}`;
    await page.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
    const pages = pdfPages(pdf);
    facts.pages = String(pages);
    facts.pdf = kb(pdf);
    const pageTexts = pdfPageTexts(pdf);
    if (pageTexts.length !== pages) problems.push(`pdftotext read ${pageTexts.length} page(s) where pdfinfo counts ${pages}`);
    problems.push(...printProblems(content, pageTexts));
    facts.pieces = String(content.pieces.length);
    if (content.pieces.length === 0) problems.push('the page has no text to look for in the PDF');
    if (pages < options.minPages) problems.push(`${pages} A4 page(s), expected at least ${options.minPages}`);
    if (options.maxPages !== null && pages > options.maxPages) {
      problems.push(`${pages} A4 pages, expected at most ${options.maxPages}`);
    }
  } catch (error) {
    problems.push(`could not check: ${error.message.split('\n')[0]}`);
  } finally {
    await context?.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  }

  const status = problems.length === 0 ? 'OK  ' : 'FAIL';
  const lines = [`${status} ${file}  pages ${facts.pages}  text pieces ${facts.pieces}  html ${facts.html}  png ${facts.png}  pdf ${facts.pdf}`];
  for (const problem of problems) lines.push(`       - ${problem}`);
  return { ok: problems.length === 0, text: lines.join('\n') };
}

const options = parseArgs(process.argv.slice(2));
mkdirSync(options.out, { recursive: true });
// Screenshots are named after the file, so two inputs with one name would overwrite each other.
const stems = options.files.map((file) => basename(file).replace(/\.html?$/i, ''));
const repeated = stems.find((stem, index) => stems.indexOf(stem) !== index);
if (repeated) die(`two files named ${repeated}.html would share one screenshot; check them in separate runs`);
for (const file of options.files) {
  if (!existsSync(file)) die(`no such file: ${file}`);
}

// A few files at a time (each in its own browser): launching chromium is most of the cost.
// Results print in the order the files were given.
const results = new Array(options.files.length);
let next = 0;
let printed = 0;
let failed = 0;
async function worker() {
  while (next < options.files.length) {
    const index = next++;
    results[index] = await checkFile(options.files[index], options);
    for (; printed < results.length && results[printed]; printed++) {
      console.log(results[printed].text);
      if (!results[printed].ok) failed++;
    }
  }
}
await Promise.all(Array.from({ length: Math.min(options.jobs, options.files.length) }, worker));
if (failed > 0) console.log(`check-reports: ${failed} of ${options.files.length} file(s) failed`);
process.exit(failed > 0 ? 1 : 0);
