// The verdict on a log of `sarif-multitool validate` (itself SARIF), for scripts/sarif-test.sh:
//   node tests/sarif/verdict.mjs LOG FIXTURE RULE
// Every file the log covers must have no result at level error or warning, except FIXTURE, a log
// the validator must reject: it must have a RULE result at level error (so a validator that finds
// nothing fails the test rather than passing it). Notes are counted, never failures. The run
// itself must have succeeded, with no error among its notifications.
import { readFileSync } from "node:fs";
import { basename } from "node:path";

const [logPath, fixture, expectedRule] = process.argv.slice(2);
if (!expectedRule) {
  console.error("usage: node verdict.mjs LOG FIXTURE RULE");
  process.exit(2);
}
const log = JSON.parse(readFileSync(logPath, "utf8"));
const problems = [];
const notes = new Map(); // rule id: count
let fixtureRejected = false;

// A result's message: its text, or its rule's message string with the arguments filled in.
function message(run, result) {
  if (result.message?.text) return result.message.text;
  const rule = run.tool?.driver?.rules?.find((r) => r.id === result.ruleId);
  const template = rule?.messageStrings?.[result.message?.id]?.text ?? result.message?.id ?? "";
  return template.replace(/\{(\d+)\}/g, (_, n) => result.message?.arguments?.[Number(n)] ?? "");
}

for (const run of log.runs ?? []) {
  for (const invocation of run.invocations ?? []) {
    if (invocation.executionSuccessful !== true) problems.push("the multitool's run did not succeed");
    const notifications = [
      ...(invocation.toolExecutionNotifications ?? []),
      ...(invocation.toolConfigurationNotifications ?? []),
    ];
    for (const n of notifications)
      if (n.level === "error") problems.push(`the multitool: ${n.descriptor?.id ?? ""} ${n.message?.text ?? ""}`);
  }
  for (const result of run.results ?? []) {
    // A result without a level is a warning (SARIF 2.1.0, 3.27.10).
    const level = result.level ?? "warning";
    const location = result.locations?.[0]?.physicalLocation;
    const file = decodeURIComponent(new URL(location?.artifactLocation?.uri ?? "file:///unknown").pathname);
    const where = `${basename(file)}:${location?.region?.startLine ?? 0}:${location?.region?.startColumn ?? 0}`;
    const text = `${where}: ${level} ${result.ruleId}: ${message(run, result)}`;
    if (file === fixture) {
      if (result.ruleId === expectedRule && level === "error") {
        if (!fixtureRejected) console.log(`as expected, ${text}`);
        fixtureRejected = true;
      }
    } else if (level === "error" || level === "warning") {
      problems.push(text);
    } else {
      notes.set(result.ruleId, (notes.get(result.ruleId) ?? 0) + 1);
    }
  }
}
if (!fixtureRejected) problems.push(`${basename(fixture)}: the validator did not report ${expectedRule} at level error`);

if (notes.size > 0)
  console.log(`notes (not failures): ${[...notes].map(([rule, count]) => `${rule} ×${count}`).join(", ")}`);
for (const problem of problems) console.log(`FAIL ${problem}`);
process.exit(problems.length > 0 ? 1 : 0);
