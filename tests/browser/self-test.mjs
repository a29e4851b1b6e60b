#!/usr/bin/env node
// Proves the browser check catches what it claims to: runs check-reports.mjs once over the
// fixtures, with the expectations of a single assessment (2 charts, at most 3 A4 pages, English),
// and asserts that the good fixture passes and that each bad fixture fails for its own reason.
// A checker that passed everything (or failed everything) would not get past this.
//
// Usage: node self-test.mjs [OUT_DIR]   (screenshots of the fixtures go to OUT_DIR)

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = process.argv[2] ?? join(here, '../../build/browser-reports/self-test');

// Each fixture and the reasons its line must give ([] = must pass).
const expected = {
  'good.html': [],
  'bad-missing-image.html': ['request for file:', 'missing.png', 'console error'],
  'bad-script-error.html': ['page error: undefinedFunctionInAReport'],
  'bad-console-warning.html': ['console warning: fixture warning'],
  'bad-network.html': ['request for https://fonts.example.com/report.css'],
  'bad-lang.html': ['<html lang> is "es", expected "en"'],
  'bad-one-chart.html': ['1 chart(s) (<svg role="img">), expected 2'],
  'bad-too-long.html': ['5 A4 pages, expected at most 3'],
  'bad-folded-in-print.html': ['3 piece(s) of text of section #recommendations, in the folded <details> "3 more recommendations" are not in the PDF'],
  'bad-heading-at-foot.html': ['page 1 of 2 ends with the heading "Heading left alone"'],
};

const fixtures = join(here, 'fixtures');
const unlisted = readdirSync(fixtures).filter((name) => name.endsWith('.html') && !(name in expected));
const files = Object.keys(expected).map((name) => join(fixtures, name));
const run = spawnSync(process.execPath,
  [join(here, 'check-reports.mjs'), '--expect-svg', '2', '--max-pages', '3', '--lang', 'en', '--out', out, ...files],
  { encoding: 'utf8' });
process.stdout.write(`${run.stdout.trimEnd().replace(/^/gm, '  | ')}\n`);

const failures = [];
if (run.stderr.trim()) process.stderr.write(run.stderr);
if (run.status !== 1) failures.push(`check-reports.mjs exited ${run.status}, expected 1 (some fixtures fail)`);
if (unlisted.length) failures.push(`fixtures with no expectation here: ${unlisted.join(', ')}`);

// The output is one "OK|FAIL file ..." line per file, then its reasons indented.
const blocks = new Map();
let current = null;
for (const line of run.stdout.split('\n')) {
  const head = /^(OK|FAIL)\s+(\S+)/.exec(line);
  if (head) {
    current = { status: head[1], text: line };
    blocks.set(head[2].split('/').pop(), current);
  } else if (current && line.startsWith(' ')) {
    current.text += `\n${line}`;
  }
}
for (const [name, reasons] of Object.entries(expected)) {
  const block = blocks.get(name);
  if (!block) { failures.push(`${name}: no result line`); continue; }
  if (reasons.length === 0 && block.status !== 'OK') failures.push(`${name}: should pass but failed`);
  if (reasons.length > 0 && block.status !== 'FAIL') failures.push(`${name}: should fail but passed`);
  for (const reason of reasons) {
    if (!block.text.includes(reason)) failures.push(`${name}: the failure does not mention "${reason}"`);
  }
}
for (const artefact of ['good.png', 'good.pdf']) {
  if (!existsSync(join(out, artefact))) failures.push(`no ${artefact} in ${out}`);
}

if (failures.length) {
  console.error('browser self-test: FAILED');
  for (const failure of failures) console.error(`  - ${failure}`);
  process.exit(1);
}
console.log(`browser self-test: OK (the good fixture passes; ${files.length - 1} bad fixtures fail for their own reason)`);
