import { describe, expect, it } from "vitest";
import { Prisma } from "./generated/client";
import { isTransientDbError, retryDelay, withDbRetry } from "./transient";

const known = (code: string, message = "x", meta?: Record<string, unknown>) =>
  new Prisma.PrismaClientKnownRequestError(message, { code, clientVersion: "7", ...(meta ? { meta } : {}) });
// node-postgres errors as the driver raises them: SQLSTATE in `code`, socket errors with errno/syscall.
const pgError = (code: string) => Object.assign(new Error("pg"), { code, severity: "FATAL" });
const socketError = (code: string) => Object.assign(new Error(`connect ${code}`), { code, errno: -1, syscall: "read" });

describe("isTransientDbError", () => {
  it.each([
    ["P2028 unable to start a transaction", known("P2028", "Transaction API error: Unable to start a transaction in the given time.")],
    ["P2034 write conflict or deadlock", known("P2034")],
    ["P1017 server closed the connection", known("P1017")],
    ["P1001 cannot reach the server", known("P1001")],
    ["P2024 pool timeout", known("P2024")],
    ["P2039 wrapping 57P01 (pg_terminate_backend)", known("P2039", "Database error", { driverAdapterError: { name: "DriverAdapterError", cause: { kind: "postgres", originalCode: "57P01" } } })],
    ["P2010 raw query wrapping 40P01", known("P2010", "Raw query failed", { driverAdapterError: { cause: { kind: "postgres", originalCode: "40P01" } } })],
    ["pg serialization failure 40001", pgError("40001")],
    ["pg deadlock 40P01", pgError("40P01")],
    ["pg admin shutdown 57P01", pgError("57P01")],
    ["pg connection failure 08006", pgError("08006")],
    ["a dropped connection (no code)", new Error("Connection terminated unexpectedly")],
    ["the message alone, as a step's wrapper may carry it", new Error("Transaction API error: Unable to start a transaction in the given time.")],
    ["a driver adapter error closing the connection", Object.assign(new Error("closed"), { name: "DriverAdapterError", cause: { kind: "ConnectionClosed" } })],
    ["a transient error as the cause", new Error("step failed", { cause: known("P2028") })],
  ])("retries %s", (_name, error) => {
    expect(isTransientDbError(error)).toBe(true);
  });

  it.each([
    ["P2002 unique violation", known("P2002")],
    ["P2025 record not found", known("P2025")],
    ["P2039 wrapping 23514 (check violation)", known("P2039", "Database error", { driverAdapterError: { cause: { kind: "postgres", originalCode: "23514" } } })],
    ["pg syntax error 42601", pgError("42601")],
    ["pg unique violation 23505", pgError("23505")],
    ["an AWS throttling error", Object.assign(new Error("Rate exceeded"), { name: "Throttling" })],
    // A bare socket error may come from an AWS endpoint; Prisma reports the database's as P1001/P1017.
    ["a bare ECONNRESET", socketError("ECONNRESET")],
    ["a bare ECONNREFUSED", socketError("ECONNREFUSED")],
    ["a plain error", new Error("The stack is in ROLLBACK_COMPLETE")],
    ["not an error", "ECONNRESET"],
    ["null", null],
  ])("does not retry %s", (_name, error) => {
    expect(isTransientDbError(error)).toBe(false);
  });
});

describe("retryDelay", () => {
  it("doubles from the base between half and all of the step, up to the cap", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => retryDelay(n, { random: () => 1 }))).toEqual([200, 400, 800, 1600, 3200, 5000, 5000]);
    expect(retryDelay(3, { random: () => 0 })).toBe(400);
    expect(retryDelay(2, { baseDelayMs: 10, maxDelayMs: 15, random: () => 1 })).toBe(15);
  });
});

describe("withDbRetry", () => {
  it("runs the work again after a backoff while it fails transiently, and returns its result", async () => {
    const slept: number[] = [];
    let calls = 0;
    const result = await withDbRetry(
      async () => {
        calls++;
        if (calls < 3) throw known("P2028", "Transaction API error: Unable to start a transaction in the given time.");
        return "done";
      },
      { sleep: async (ms) => void slept.push(ms), random: () => 1 },
    );
    expect(result).toBe("done");
    expect(calls).toBe(3);
    expect(slept).toEqual([200, 400]);
  });

  it("throws a permanent error at once", async () => {
    let calls = 0;
    const error = known("P2002");
    await expect(withDbRetry(async () => (calls++, Promise.reject(error)), { sleep: async () => undefined })).rejects.toBe(error);
    expect(calls).toBe(1);
  });

  it("gives up after the attempts with the last transient error", async () => {
    let calls = 0;
    const retries: number[] = [];
    await expect(
      withDbRetry(async () => (calls++, Promise.reject(pgError("40001"))), { attempts: 4, sleep: async () => undefined, onRetry: (_e, n) => void retries.push(n) }),
    ).rejects.toMatchObject({ code: "40001" });
    expect(calls).toBe(4);
    expect(retries).toEqual([1, 2, 3]);
  });
});
