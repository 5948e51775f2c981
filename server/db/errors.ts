import { redactSecrets } from "@/server/redact/error-for-log";

/** Prisma's unique-constraint violation (P2002), raised when a race beats our own existence check. */
export function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "P2002";
}

// Prisma's codes for a database that is unreachable, busy or timed out: worth simply trying again.
// P1001/P1002 cannot reach or timed out reaching the server, P1008 operation timed out, P1017 server closed
// the connection, P2024 timed out waiting for a pool connection, P2034 write conflict or deadlock. P2028
// (transaction API error) only when the transaction could not start: one that ran past its timeout is ours.
const TRANSIENT = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2034"]);
const COULD_NOT_START = /Unable to start a transaction/i;

/**
 * A database error in words, when `e` is one: Prisma's own message quotes the query's arguments, so
 * the details carry only its name, code and first line, redacted.
 */
export function databaseProblem(e: unknown): { kind: "database"; transient: boolean; message: string; details: string; status: 503 } | null {
  if (typeof e !== "object" || e === null) return null;
  const { name, code, message } = e as { name?: unknown; code?: unknown; message?: unknown };
  if (typeof name !== "string" || !name.startsWith("PrismaClient")) return null;
  const transient =
    typeof code === "string"
      ? TRANSIENT.has(code) || (code === "P2028" && typeof message === "string" && COULD_NOT_START.test(message))
      : name === "PrismaClientInitializationError";
  const firstLine = typeof message === "string" ? (message.split("\n").find((l) => l.trim() && !l.trim().startsWith("Invalid `")) ?? "").trim() : "";
  return {
    kind: "database",
    transient,
    message: transient
      ? "The database was briefly unavailable; try again."
      : "A database error stopped this; try again, and tell the administrator if it keeps happening.",
    details: redactSecrets(`${name}${typeof code === "string" ? ` ${code}` : ""}: ${firstLine}`).slice(0, 500),
    status: 503,
  };
}
