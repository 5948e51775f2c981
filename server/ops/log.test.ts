import { describe, expect, it } from "vitest";
import { createLogger, type Level } from "./log";
import { withRequestScope } from "./request-scope";

function capture(level: Level = "info") {
  const lines: string[] = [];
  const logger = createLogger({ level, write: (line) => lines.push(line) });
  return { logger, lines, entries: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe("the server log", () => {
  it("writes one JSON line per entry with level, time, pid and message, and drops levels below the minimum", () => {
    const { logger, lines, entries } = capture("info");
    logger.debug("not shown");
    logger.info("deploy worker ready", { consumers: 4 });
    expect(lines).toHaveLength(1);
    expect(lines[0].endsWith("\n")).toBe(true);
    expect(entries()[0]).toMatchObject({ level: "info", pid: process.pid, msg: "deploy worker ready", consumers: 4 });
    expect(Date.parse(entries()[0].time as string)).not.toBeNaN();
  });

  it("carries the request id and the organization of the request being served", async () => {
    const { logger, entries } = capture();
    const scope = { requestId: "req-1" } as { requestId: string; org?: string };
    await withRequestScope(scope, async () => {
      logger.info("before the membership");
      scope.org = "acme";
      logger.warn("after");
    });
    logger.info("outside");
    expect(entries().map((e) => [e.requestId, e.org])).toEqual([
      ["req-1", undefined],
      ["req-1", "acme"],
      [undefined, undefined],
    ]);
  });

  it("never prints secrets, tokens, AWS keys or authorization headers", () => {
    const { logger, lines } = capture();
    const child = logger.child({ component: "test", clientSecret: "child-binding-secret" });
    child.error("call failed with Authorization: Bearer lpt_abc123456789 for AKIAIOSFODNN7EXAMPLE", {
      headers: new Headers({ authorization: "Bearer eyJhbGciOi.payload.sig", cookie: "next-auth.session-token=sess-cookie-value" }),
      credentials: { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", sessionToken: "FwoGZXIvYXdzE-session" },
      url: "postgresql://app:db-password@db.internal:5432/lambdaplane",
      webhook: "https://hooks.slack.com/services/T000/B000/slack-webhook-secret",
      note: "signing secret whsec_live_abcdef and token=plain-token-value",
      error: new Error('Invalid `prisma.x.create()` invocation\n  data: { password: "error-body-secret" }'),
      nested: { deeper: { password: "nested-password" } },
    });
    const text = lines.join("");
    for (const secret of [
      "child-binding-secret",
      "lpt_abc123456789",
      "AKIAIOSFODNN7EXAMPLE",
      "eyJhbGciOi",
      "sess-cookie-value",
      "wJalrXUtnFEMI",
      "FwoGZXIvYXdzE-session",
      "db-password",
      "slack-webhook-secret",
      "whsec_live_abcdef",
      "plain-token-value",
      "error-body-secret",
      "nested-password",
    ]) {
      expect(text, secret).not.toContain(secret);
    }
    expect(JSON.parse(lines[0])).toMatchObject({ component: "test", headers: { authorization: "[redacted]", cookie: "[redacted]" }, credentials: "[redacted]", nested: { deeper: { password: "[redacted]" } } });
  });

  it("bounds what a hostile value can make it print", () => {
    const { logger, lines } = capture();
    let deep: Record<string, unknown> = { v: 1 };
    for (let i = 0; i < 1_000; i++) deep = { deep };
    logger.info("m".repeat(1_000_000), { deep, huge: "a".repeat(1_000_000), many: Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i])) });
    expect(lines[0].length).toBeLessThan(7_000);
    expect(lines[0]).toContain("[too deep]");
  });
});
