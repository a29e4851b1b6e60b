// Makes build-web/tne.html, one file (web/CMakeLists.txt runs it): web/page.html with the engine's
// WebAssembly as base64, and the engine's glue, tne_api.js and page.js as inline scripts, and the
// Content-Security-Policy that allows those three scripts by their SHA-256 and nothing else.
// Usage: node assemble.mjs WEB_DIR ENGINE.js ENGINE.wasm OUTPUT.html
import { createHash } from "node:crypto";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [webDir, engineJs, engineWasm, output] = process.argv.slice(2);
if (!output) {
  console.error("usage: node assemble.mjs WEB_DIR ENGINE.js ENGINE.wasm OUTPUT.html");
  process.exit(2);
}

const scripts = [readFileSync(engineJs, "utf8"), readFileSync(join(webDir, "tne_api.js"), "utf8"),
                 readFileSync(join(webDir, "page.js"), "utf8")];
for (const script of scripts) {
  // An inline script ends at the first "</script", wherever it is.
  if (/<\/script/i.test(script)) throw new Error("a script holds </script: it cannot be inlined");
}
const hashes = scripts.map((script) => `'sha256-${createHash("sha256").update(script, "utf8").digest("base64")}'`);

// Nothing may be fetched: no default source at all. Scripts: these three, and compiling
// WebAssembly ('wasm-unsafe-eval', which Chromium requires for it). Styles: the page's and the
// report's, inline. Images: the report's inline SVG and data: URLs only. The report is shown in a
// sandboxed srcdoc frame, which inherits this policy.
const policy = [
  "default-src 'none'",
  `script-src ${hashes.join(" ")} 'wasm-unsafe-eval'`,
  "style-src 'unsafe-inline'",
  "img-src data:",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

let page = readFileSync(join(webDir, "page.html"), "utf8");
const fill = (placeholder, text) => {
  if (!page.includes(placeholder)) throw new Error(`page.html has no ${placeholder}`);
  page = page.replace(placeholder, () => text);
};
fill("@CSP@", policy);
fill("@ENGINE_WASM@", readFileSync(engineWasm).toString("base64"));
fill("@ENGINE_JS@", scripts[0]);
fill("@API_JS@", scripts[1]);
fill("@PAGE_JS@", scripts[2]);
writeFileSync(`${output}.tmp`, page);
renameSync(`${output}.tmp`, output);
