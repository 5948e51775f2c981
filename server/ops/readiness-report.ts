// The pure half of the readiness check: which migrations are missing, and the answer's shape.

export interface Readiness {
  ready: boolean;
  /** "ok", or what is wrong with that check in words an operator can act on (never the database's error text). */
  checks: { database: string; migrations: string; queue: string };
}

export const NOT_CHECKED = "not checked";

export function notChecked(): Readiness["checks"] {
  return { database: NOT_CHECKED, migrations: NOT_CHECKED, queue: NOT_CHECKED };
}

/** Migrations in the folder that the database has not recorded as applied, in folder order. */
export function missingMigrations(onDisk: readonly string[], applied: readonly string[]): string[] {
  const done = new Set(applied);
  return [...onDisk].sort((a, b) => a.localeCompare(b)).filter((name) => !done.has(name));
}

/** 200 when every check is ok; else 503 with the one JSON error shape, naming each failing check. */
export function readinessResponse({ ready, checks }: Readiness): Response {
  const headers = { "cache-control": "no-store" };
  if (ready) return Response.json({ status: "ready", checks }, { headers });
  const failing = Object.entries(checks)
    .filter(([, state]) => state !== "ok" && state !== NOT_CHECKED)
    .map(([name, state]) => `${name}: ${state}`);
  return Response.json({ status: "not ready", error: `Not ready. ${failing.join("; ")}.`, checks }, { status: 503, headers });
}
