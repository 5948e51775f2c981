import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import path from "node:path";
import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
// The SDK's own event-stream codec: the frames below are byte-for-byte what StartLiveTail sends.
import { EventStreamCodec } from "@smithy/core/event-streams";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { LogTarget } from "@/lib/logs/types";
import { tailLogs, type TailMessage } from "./live-tail";
import { tailResponse } from "./tail-stream";

// No real peer exists for StartLiveTail here (moto 5.2.1 has none, and nothing reaches AWS), so
// these tests replay a recorded event stream over HTTP in the SDK's event-stream framing
// (application/vnd.amazon.eventstream) and let the real CloudWatchLogsClient decode it. The
// fallback's FilterLogEvents answers come from the same scripted server.

const recording = JSON.parse(readFileSync(path.join(__dirname, "fixtures/live-tail-recording.json"), "utf8")) as {
  sessions: ({ event: string; body: unknown } | { exception: string; body: unknown })[][];
};
const codec = new EventStreamCodec(
  (b) => new TextDecoder().decode(b),
  (s) => new TextEncoder().encode(s),
);
const frame = (m: { event: string; body: unknown } | { exception: string; body: unknown }) =>
  codec.encode({
    headers:
      "event" in m
        ? { ":message-type": { type: "string", value: "event" }, ":event-type": { type: "string", value: m.event }, ":content-type": { type: "string", value: "application/json" } }
        : { ":message-type": { type: "string", value: "exception" }, ":exception-type": { type: "string", value: m.exception }, ":content-type": { type: "string", value: "application/json" } },
    body: new TextEncoder().encode(JSON.stringify(m.body)),
  });

type Handler = (target: string, body: Record<string, unknown>, req: IncomingMessage, res: ServerResponse) => void;
let server: Server;
let endpoint: string;
let handler: Handler;
let requests: { target: string; body: Record<string, unknown> }[];

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      const target = String(req.headers["x-amz-target"] ?? "").split(".")[1] ?? "";
      const body = JSON.parse(raw || "{}");
      requests.push({ target, body });
      handler(target, body, req, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  endpoint = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  requests = [];
});

const API: LogTarget = { name: "api", physicalName: "shop-dev-api", logGroupName: "/aws/lambda/shop-dev-api" };
const logs = () => new CloudWatchLogsClient({ region: "eu-west-1", endpoint, credentials: { accessKeyId: "t", secretAccessKey: "t" }, disableHostPrefix: true, maxAttempts: 1 });
const arn = (name: string) => `arn:aws:logs:eu-west-1:111122223333:log-group:${name}`;

/** Serves the recorded sessions in order from `from`; the last one stays open until the client goes away. */
function replay(onClose?: () => void, from = 0): Handler {
  let session = from;
  return (target, _body, req, res) => {
    if (target !== "StartLiveTail") return void res.writeHead(400).end();
    const frames = recording.sessions[session++] ?? [];
    res.writeHead(200, { "content-type": "application/vnd.amazon.eventstream" });
    for (const f of frames) res.write(frame(f));
    if (session < recording.sessions.length) res.end();
    else res.on("close", () => onClose?.());
  };
}

async function collect(stream: AsyncIterable<TailMessage>, until: (m: TailMessage[]) => boolean, abort: AbortController) {
  const out: TailMessage[] = [];
  for await (const m of stream) {
    out.push(m);
    if (until(out)) abort.abort();
  }
  return out;
}

describe("live tail over StartLiveTail (recorded event stream)", () => {
  it("starts a session, turns updates into lines, and reconnects when AWS ends the session", async () => {
    handler = replay();
    const abort = new AbortController();
    const messages = await collect(
      tailLogs(logs(), { functions: [API], filterPattern: "ERROR", signal: abort.signal, logGroupArn: arn }),
      (m) => m.filter((x) => x.type === "lines").length === 3,
      abort,
    );
    expect(requests.map((r) => r.target)).toEqual(["StartLiveTail", "StartLiveTail"]);
    expect(requests[0].body).toEqual({ logGroupIdentifiers: [arn(API.logGroupName)], logEventFilterPattern: "ERROR" });

    const summary = messages.map((m) => (m.type === "lines" ? `lines:${m.lines.map((l) => l.message.slice(0, 12)).join("|")}:${m.sampled}` : m.type === "session" ? `session:${m.state}:${m.state === "started" ? m.detail : ""}` : `mode:${m.mode}`));
    expect(summary).toEqual([
      "mode:live",
      "session:started:session-1",
      "lines:2026-12-01T0|REPORT Reque:false",
      'lines:{"level":"er:true',
      "session:reconnecting:",
      "session:started:session-2",
      "lines:ERROR after :false",
    ]);
    const first = messages.find((m) => m.type === "lines")!;
    expect(first.type === "lines" && first.lines.map((l) => [l.functionName, l.level, l.requestId, l.report?.billedDurationMs ?? null])).toEqual([
      ["api", "error", "6a1f0c1e-1111-4111-8111-111111111111", null],
      ["api", "info", "6a1f0c1e-1111-4111-8111-111111111111", 13],
    ]);
  });

  it("falls back to polling FilterLogEvents when StartLiveTail is refused, naming the missing action", async () => {
    const stamp = Date.now();
    handler = (target, body, _req, res) => {
      if (target === "StartLiveTail") {
        res.writeHead(400, { "content-type": "application/x-amz-json-1.1" });
        return void res.end(JSON.stringify({ __type: "AccessDeniedException", message: "Access denied" }));
      }
      res.writeHead(200, { "content-type": "application/x-amz-json-1.1" });
      const events = requests.filter((r) => r.target === "FilterLogEvents").length === 1 ? [] : [{ eventId: "e1", logStreamName: "s", timestamp: stamp, message: `polled since ${body.startTime}`, ingestionTime: stamp }];
      res.end(JSON.stringify({ events }));
    };
    const abort = new AbortController();
    const messages = await collect(
      tailLogs(logs(), { functions: [API], filterPattern: "", signal: abort.signal, logGroupArn: arn, pollMs: 20 }),
      (m) => m.some((x) => x.type === "lines"),
      abort,
    );
    expect(messages[0]).toEqual({
      type: "mode",
      mode: "polling",
      reason:
        "CloudWatch Logs StartLiveTail failed while starting a live tail: access denied. The identity is missing the IAM permission logs:StartLiveTail: grant it in the role's (or user's) policy. AWS said: Access denied",
      details: expect.stringMatching(/^AccessDeniedException: Access denied\nHTTP status 400/),
    });
    const lines = messages.filter((m) => m.type === "lines").flatMap((m) => (m.type === "lines" ? m.lines : []));
    // The second poll returns the event again (CloudWatch makes late events searchable): shown once.
    expect(lines.map((l) => l.message)).toHaveLength(1);
    expect(requests.filter((r) => r.target === "FilterLogEvents").length).toBeGreaterThanOrEqual(2);
  });

  it("gives up after repeated broken streams and says why", async () => {
    handler = (_t, _b, _req, res) => {
      res.writeHead(200, { "content-type": "application/vnd.amazon.eventstream" });
      res.write(frame({ event: "sessionStart", body: { sessionId: "s" } }));
      res.end(frame({ exception: "SessionStreamingException", body: { message: "internal stream failure" } }));
    };
    const abort = new AbortController();
    const messages = await collect(tailLogs(logs(), { functions: [API], filterPattern: "", signal: abort.signal, logGroupArn: arn, maxReconnects: 2, reconnectDelayMs: 1 }), () => false, abort);
    const sessions = messages.filter((m) => m.type === "session").map((m) => (m.type === "session" ? m.state : ""));
    expect(sessions).toEqual(["started", "reconnecting", "started", "reconnecting", "started", "ended"]);
    const last = messages[messages.length - 1];
    expect(last.type === "session" && last.detail).toMatch(/SessionStreamingException.*internal stream failure/);
  });

  it("ends the upstream session when the browser's request goes away", async () => {
    let closed!: () => void;
    const upstreamClosed = new Promise<void>((r) => (closed = r));
    // Straight to the session that stays open.
    handler = replay(() => closed(), recording.sessions.length - 1);
    const browser = new AbortController();
    const response = tailResponse((signal) => tailLogs(logs(), { functions: [API], filterPattern: "ERROR", signal, logGroupArn: arn }), new Request("http://app/tail", { signal: browser.signal }));
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    const reader = response.body!.getReader();
    let text = "";
    while (!text.includes("after reconnect")) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain("event: mode\n");
    expect(text).toContain('"mode":"live"');
    browser.abort();
    await reader.cancel();
    await upstreamClosed;
  });
});

