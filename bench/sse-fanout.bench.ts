// Live-tail fan-out: 5,000 lines/s through Lambdaplane's SSE path (TailMessage batches -> tailResponse
// -> Server-Sent Events over loopback HTTP) to one client in another process, which reports each
// line's end-to-end latency (receive time - the time the producer stamped in the line). Baseline in
// the same run: the same lines written as newline-delimited JSON straight to the socket (no web
// streams, no SSE framing), read by the same kind of client.
// Run: npx tsx --conditions=react-server bench/sse-fanout.bench.ts [seconds]
import { spawn } from "node:child_process";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { loadavg } from "node:os";
import type { LogLine } from "@/lib/logs/types";
import type { TailMessage } from "@/server/logs/live-tail";
import { toLogLine } from "@/server/logs/log-line";
import { tailResponse } from "@/server/logs/tail-stream";

const RATE = 5000;
const BATCH_MS = 20;
const SECONDS = Number(process.argv[2] ?? 10);
const WARMUP_S = 1;
const now = () => performance.timeOrigin + performance.now();

const REQ = "6a1f0c1e-1111-4111-8111-111111111111";
/** 5,000 lines/s in 20 ms batches, each line stamped when made, run through the same parsing as the live path. */
async function* produce(signal: AbortSignal): AsyncGenerator<LogLine[]> {
  const perBatch = (RATE * BATCH_MS) / 1000;
  const started = now();
  let n = 0;
  for (let b = 0; !signal.aborted; b++) {
    const due = started + b * BATCH_MS;
    const wait = due - now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const lines: LogLine[] = [];
    for (let i = 0; i < perBatch; i++, n++) {
      const t = now();
      lines.push(toLogLine({ id: `l${n}`, timestamp: Math.floor(t), logStream: "2026/12/01/[$LATEST]bench", message: `2026-12-01T08:00:00.000Z\t${REQ}\tINFO\t{"sent":${t},"n":${n},"msg":"order accepted"}` }, "api"));
    }
    yield lines;
  }
}

async function* asTail(signal: AbortSignal): AsyncGenerator<TailMessage> {
  yield { type: "mode", mode: "live" };
  for await (const lines of produce(signal)) yield { type: "lines", lines };
}

function sseHandler(req: IncomingMessage, res: ServerResponse) {
  const abort = new AbortController();
  req.on("close", () => abort.abort());
  const response = tailResponse(asTail, new Request("http://bench/tail", { signal: abort.signal }));
  res.writeHead(200, Object.fromEntries(response.headers));
  Readable.fromWeb(response.body as import("node:stream/web").ReadableStream).pipe(res);
}

async function ndjsonHandler(req: IncomingMessage, res: ServerResponse) {
  const abort = new AbortController();
  req.on("close", () => abort.abort());
  res.writeHead(200, { "content-type": "application/x-ndjson" });
  for await (const lines of produce(abort.signal)) res.write(lines.map((l) => JSON.stringify(l)).join("\n") + "\n");
}

// The client: reads for SECONDS, skips the warm-up second, prints latency percentiles as JSON.
const CLIENT = `
const [url, mode, seconds, warmup] = process.argv.slice(1);
const now = () => performance.timeOrigin + performance.now();
const lat = []; let lines = 0; const t0 = now();
const res = await fetch(url); const reader = res.body.getReader(); const dec = new TextDecoder(); let buf = "";
outer: for (;;) {
  const { value, done } = await reader.read(); if (done) break;
  buf += dec.decode(value, { stream: true }); const t = now();
  const sep = mode === "sse" ? "\\n\\n" : "\\n"; let i;
  while ((i = buf.indexOf(sep)) >= 0) {
    const chunk = buf.slice(0, i); buf = buf.slice(i + sep.length);
    if (mode === "sse") {
      if (!chunk.startsWith("event: lines")) continue;
      const msg = JSON.parse(chunk.slice(chunk.indexOf("data: ") + 6));
      for (const l of msg.lines) { const sent = JSON.parse(l.message.slice(l.jsonOffset)).sent; if (t - t0 > warmup * 1000) lat.push(t - sent); lines++; }
    } else if (chunk) {
      const l = JSON.parse(chunk); const sent = JSON.parse(l.message.slice(l.jsonOffset)).sent; if (t - t0 > warmup * 1000) lat.push(t - sent); lines++;
    }
  }
  if (t - t0 > seconds * 1000) break outer;
}
reader.cancel();
lat.sort((a, b) => a - b); const q = (p) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))];
console.log(JSON.stringify({ lines, rate: lines / ((now() - t0) / 1000), p50: q(0.5), p95: q(0.95), p99: q(0.99), max: lat[lat.length - 1] }));
`;

async function runClient(url: string, mode: "sse" | "ndjson"): Promise<{ lines: number; rate: number; p50: number; p95: number; p99: number; max: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", CLIENT, url, mode, String(SECONDS), String(WARMUP_S)], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (c) => (out += c));
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`client exited ${code}: ${out}`))));
  });
}

const server = createServer((req, res) => (req.url === "/sse" ? sseHandler(req, res) : void ndjsonHandler(req, res)));
await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
console.log(`load average ${loadavg()[0].toFixed(2)}; ${RATE} lines/s in ${BATCH_MS} ms batches for ${SECONDS} s (first ${WARMUP_S} s not counted)`);
const results: Record<string, Awaited<ReturnType<typeof runClient>>> = {};
for (const mode of ["ndjson", "sse", "ndjson", "sse"] as const) {
  const r = await runClient(`${base}/${mode}`, mode);
  console.log(`${mode.padEnd(6)} ${r.lines} lines (${r.rate.toFixed(0)}/s): p50 ${r.p50.toFixed(2)} ms, p95 ${r.p95.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms, max ${r.max.toFixed(2)} ms`);
  results[mode] = !results[mode] || r.p95 < results[mode].p95 ? r : results[mode];
}
console.log(`SSE p95 / NDJSON p95 (better of two runs each): ${(results.sse.p95 / results.ndjson.p95).toFixed(2)}`);
server.close();
process.exit(0);
