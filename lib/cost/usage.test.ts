import { describe, expect, it } from "vitest";
import { edgeFn, fn, stack } from "./testing";
import { applicableUsage, parseUsage, USAGE_LIMITS, usageFields, validateUsage } from "./usage";

const definition = stack(
  {
    api: { type: "http-api-gateway" },
    edge: edgeFn(),
    site: { type: "bucket" },
    worker: fn({ environment: [{ name: "DB_PASSWORD", value: "$Secret('db.password')" }] }),
  },
  { q: { Type: "AWS::SQS::Queue" }, bucket: { Type: "AWS::S3::Bucket" } },
);

describe("parseUsage", () => {
  it("reads usage keyed by resource name, logical id and secret", () => {
    const source = [
      "worker:",
      "  invocationsPerMonth: 3000000",
      "  averageDurationMs: 120",
      "  events:",
      "    - eventsPerMonth: 10",
      "api:",
      "  requestsPerMonth: 5000000",
      "q:",
      "  messagesPerMonth: 100",
      "secret:db:",
      "  apiCallsPerMonth: 40",
      "",
    ].join("\n");
    const { usage, diagnostics } = parseUsage(source, definition, { file: "usage.yml" });
    expect(diagnostics).toEqual([]);
    expect(usage).toEqual({
      worker: { invocationsPerMonth: 3_000_000, averageDurationMs: 120, events: [{ eventsPerMonth: 10 }] },
      api: { requestsPerMonth: 5_000_000 },
      q: { messagesPerMonth: 100 },
      "secret:db": { apiCallsPerMonth: 40 },
    });
  });

  it("points at an unknown field with file, line and column", () => {
    const { usage, diagnostics } = parseUsage("worker:\n  averageDurationMs: 100\n  memory: 512\n", definition, { file: "usage.yml" });
    expect(usage).toBeUndefined();
    expect(diagnostics).toEqual([expect.objectContaining({ severity: "error", code: "usage", path: ["worker", "memory"], file: "usage.yml", line: 3, column: 3 })]);
  });

  it("rejects negative numbers and a non-positive duration", () => {
    const { diagnostics } = parseUsage("worker:\n  invocationsPerMonth: -1\n  averageDurationMs: 0\n", definition);
    expect(diagnostics.map((d) => d.path)).toEqual([
      ["worker", "invocationsPerMonth"],
      ["worker", "averageDurationMs"],
    ]);
  });

  it("refuses figures above each field's limit, naming the field and the limit, and accepts the limits themselves", () => {
    const atLimit = validateUsage(
      {
        worker: { invocationsPerMonth: 1e12, averageDurationMs: 900_000, logBytesPerInvocation: 1e9, events: [{ eventsPerMonth: 1e12, payloadKb: 16_384, averageBatchSize: 10_000 }] },
        api: { requestsPerMonth: 1e12, payloadKb: 16_384 },
        q: { messagesPerMonth: 1e12 },
      },
      definition,
    );
    expect(atLimit.diagnostics).toEqual([]);
    const source = [
      "worker:",
      "  invocationsPerMonth: 1e30",
      "  averageDurationMs: 900001",
      "  logBytesPerInvocation: 2e9",
      "  events:",
      "    - payloadKb: 20000",
      "      averageBatchSize: 10001",
      "q:",
      "  messagesPerMonth: 1e13",
      "",
    ].join("\n");
    const { usage, diagnostics } = parseUsage(source, definition, { file: "usage.yml" });
    expect(usage).toBeUndefined();
    expect(diagnostics.map((d) => [d.path.join("."), d.message, d.line])).toEqual([
      ["worker.invocationsPerMonth", `must be at most ${USAGE_LIMITS.perMonth} (got number 1e+30)`, 2],
      ["worker.averageDurationMs", "must be at most 900000 (got number 900001)", 3],
      ["worker.logBytesPerInvocation", "must be at most 1000000000 (got number 2000000000)", 4],
      ["worker.events.0.payloadKb", "must be at most 16384 (got number 20000)", 6],
      ["worker.events.0.averageBatchSize", "must be at most 10000 (got number 10001)", 7],
      ["q.messagesPerMonth", "must be at most 1000000000000 (got number 10000000000000)", 9],
    ]);
  });

  it("rejects names the stack does not have, fields of another kind of resource, and unpriced resources", () => {
    const { diagnostics } = parseUsage("workr: {}\napi:\n  messagesPerMonth: 1\nedge:\n  events: []\nsite: {}\nbucket: {}\nsecret:other: {}\n", definition);
    expect(diagnostics.map((d) => [d.path.join("."), d.message])).toEqual([
      ["workr", "no resource, CloudFormation resource or 'secret:<name>' named 'workr' in the stack"],
      ["api.messagesPerMonth", expect.stringContaining("messagesPerMonth")],
      ["edge.events", expect.stringContaining("events")],
      ["site", "bucket resources are not priced, so they take no usage"],
      ["bucket", "AWS::S3::Bucket is not priced, so it takes no usage"],
      ["secret:other", "no $Secret('other') in the stack"],
    ]);
  });

  it("reports YAML syntax errors with their position", () => {
    const { usage, diagnostics } = parseUsage("worker: [\n", definition, { file: "u.yml" });
    expect(usage).toBeUndefined();
    expect(diagnostics[0]).toMatchObject({ code: "yaml", file: "u.yml", line: expect.any(Number) });
  });

  it("treats an empty file as no usage", () => {
    expect(parseUsage("", definition)).toEqual({ usage: {}, diagnostics: [] });
  });
});

describe("validateUsage", () => {
  it("rejects a list at the top level", () => {
    expect(validateUsage([1], definition).diagnostics[0].message).toBe("expected a mapping of resource names to usage");
  });
});

describe("applicableUsage", () => {
  it("keeps the entries that still fit and reports the rest with why", () => {
    const saved = { worker: { invocationsPerMonth: 5 }, gone: { invocationsPerMonth: 1 }, api: { requestsPerMonth: -1 } };
    const { usage, dropped } = applicableUsage(saved, definition);
    expect(usage).toEqual({ worker: { invocationsPerMonth: 5 } });
    expect(dropped).toEqual([
      { key: "gone", reason: expect.stringContaining("no resource") },
      { key: "api", reason: expect.stringMatching(/^api\.requestsPerMonth: /) },
    ]);
  });

  it("treats anything but a mapping as no usage", () => {
    expect(applicableUsage([1], definition)).toEqual({ usage: {}, dropped: [] });
  });
});

describe("usageFields", () => {
  it("lists the fields each priced resource takes, and nothing for unpriced ones", () => {
    const fields = usageFields(definition);
    expect(fields.get("api")).toEqual(["requestsPerMonth", "payloadKb"]);
    expect(fields.get("q")).toEqual(["messagesPerMonth", "payloadKb", "averageBatchSize"]);
    expect(fields.get("secret:db")).toEqual(["apiCallsPerMonth"]);
    expect(fields.get("worker")).toContain("averageDurationMs");
    expect(fields.has("site")).toBe(false);
    expect(fields.has("bucket")).toBe(false);
  });
});
