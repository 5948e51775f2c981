import { redactSecrets } from "@/server/redact/error-for-log";
import { isTransientDbError } from "./transient";

/** Prisma's unique-constraint violation (P2002), raised when a race beats our own existence check. */
export function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "P2002";
}

/**
 * A database error in words, when `e` is one: Prisma's own message quotes the query's arguments, so
 * the details carry only its name, code and first line, redacted.
 */
export function databaseProblem(e: unknown): { kind: "database"; transient: boolean; message: string; details: string; status: 503 } | null {
  if (typeof e !== "object" || e === null) return null;
  const { name, code, message } = e as { name?: unknown; code?: unknown; message?: unknown };
  if (typeof name !== "string" || !name.startsWith("PrismaClient")) return null;
  // P2028 also covers a transaction that ran past its own timeout: the pipeline may safely run such a
  // write again, but to a person it is this server's slowness, not a database that was away.
  const ranPastItsTimeout = code === "P2028" && !(typeof message === "string" && /Unable to start a transaction/i.test(message));
  const transient = (isTransientDbError(e) && !ranPastItsTimeout) || name === "PrismaClientInitializationError";
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
