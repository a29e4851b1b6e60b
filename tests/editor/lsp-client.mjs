// A minimal Language Server Protocol client over a child process's stdio: JSON-RPC messages framed
// by Content-Length headers. Enough to open documents, ask for completion and hover, and collect
// the diagnostics the server publishes; the server's own requests (workspace/configuration and
// capability registration) are answered so it runs as it does in an editor.
import { spawn } from "node:child_process";

export class LspClient {
  // command, args: the server, started with --stdio; settings: what workspace/configuration returns
  // for each section ({yaml: {...}}, anything else null).
  constructor(command, args, settings) {
    this.settings = settings;
    this.nextId = 1;
    this.pending = new Map();
    this.diagnosticWaiters = new Map();  // uri → resolve of the next publishDiagnostics
    this.published = new Map();          // uri → diagnostics published but not yet awaited
    this.buffer = Buffer.alloc(0);
    this.stderr = "";
    this.server = spawn(command, args, { stdio: ["pipe", "pipe", "pipe"] });
    this.server.stdout.on("data", (chunk) => this.receive(chunk));
    this.server.stderr.on("data", (chunk) => (this.stderr += chunk));
    this.exited = new Promise((resolve) => this.server.on("exit", (code, signal) => resolve({ code, signal })));
    this.exited.then(({ code, signal }) => {
      const why = new Error(`the language server exited (${signal ?? code}) ${this.stderr.trim()}`);
      for (const { reject } of this.pending.values()) reject(why);
      this.pending.clear();
    });
  }

  send(message) {
    const body = Buffer.from(JSON.stringify({ jsonrpc: "2.0", ...message }), "utf8");
    this.server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.server.stdin.write(body);
  }

  request(method, params) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, method });
      this.send({ id, method, params });
    });
  }

  notify(method, params) {
    this.send({ method, params });
  }

  // The diagnostics of the next publication for `uri` (or one already received and not awaited).
  nextDiagnostics(uri) {
    if (this.published.has(uri)) {
      const diagnostics = this.published.get(uri);
      this.published.delete(uri);
      return Promise.resolve(diagnostics);
    }
    return new Promise((resolve) => this.diagnosticWaiters.set(uri, resolve));
  }

  receive(chunk) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf("\r\n\r\n");
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: *(\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString("ascii"))?.[1]);
      if (!Number.isFinite(length)) throw new Error("a message from the language server without Content-Length");
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString("utf8");
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(JSON.parse(body));
    }
  }

  dispatch(message) {
    if (message.id !== undefined && message.method === undefined) {
      const waiter = this.pending.get(message.id);
      if (!waiter) return;
      this.pending.delete(message.id);
      if (message.error) waiter.reject(new Error(`${waiter.method}: ${message.error.message}`));
      else waiter.resolve(message.result);
    } else if (message.id !== undefined) {
      this.answer(message);
    } else if (message.method === "textDocument/publishDiagnostics") {
      const { uri, diagnostics } = message.params;
      const waiter = this.diagnosticWaiters.get(uri);
      if (waiter) {
        this.diagnosticWaiters.delete(uri);
        waiter(diagnostics);
      } else {
        this.published.set(uri, diagnostics);
      }
    }
  }

  // The server's requests to the editor.
  answer(message) {
    let result = null;
    if (message.method === "workspace/configuration")
      result = message.params.items.map((item) => this.settings[item.section] ?? null);
    this.send({ id: message.id, result });
  }

  async shutdown() {
    await this.request("shutdown", null);
    this.notify("exit", null);
    const timer = setTimeout(() => this.server.kill(), 5000);
    await this.exited;
    clearTimeout(timer);
  }
}
