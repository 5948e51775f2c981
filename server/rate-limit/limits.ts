// Every rate limit, in one table: what it counts, per whom, and its budget. Generous enough that
// people using the app (and the test suites) never meet them; LAMBDAPLANE_RATE_LIMITS changes a
// budget per install (`name=points/seconds`, e.g. `apiToken=5/60` in the tests that need a tight one).

export type SubjectKind = "user" | "token" | "address" | "organization";

export interface RateLimitRule {
  /** Requests allowed per window. */
  points: number;
  /** Window length in seconds; it starts with the first request counted. */
  seconds: number;
  per: SubjectKind;
  /** Said in the 429: "Too many <counts> ...". */
  counts: string;
}

export const RATE_LIMITS = {
  signIn: { points: 60, seconds: 60, per: "address", counts: "sign-in attempts from your network" },
  ssoDiscovery: { points: 60, seconds: 60, per: "address", counts: "single sign-on look-ups from your network" },
  action: { points: 300, seconds: 60, per: "user", counts: "changes and previews" },
  apiAddress: { points: 1200, seconds: 60, per: "address", counts: "API requests from your network" },
  apiToken: { points: 600, seconds: 60, per: "token", counts: "API requests with this token" },
  stageQuery: { points: 300, seconds: 60, per: "user", counts: "log, metrics and function page queries" },
  invoke: { points: 60, seconds: 60, per: "user", counts: "test invocations" },
  stackExport: { points: 60, seconds: 60, per: "user", counts: "stack exports" },
  // Per organization: every member's clicks send to the same receivers.
  manualDelivery: { points: 30, seconds: 60, per: "organization", counts: "test deliveries and redeliveries of notifications in this organization" },
  // Per organization: its name, chosen by whoever created it, goes out through the operator's mail server.
  invitationEmail: { points: 50, seconds: 3600, per: "organization", counts: "invitation e-mails sent from this organization" },
} as const satisfies Record<string, RateLimitRule>;

export type LimitName = keyof typeof RATE_LIMITS;

const isLimitName = (name: string): name is LimitName => Object.hasOwn(RATE_LIMITS, name);

/** The table with the install's overrides applied; a malformed entry throws, naming it. */
export function effectiveLimits(overrides: string[]): Record<LimitName, RateLimitRule> {
  const limits: Record<LimitName, RateLimitRule> = { ...RATE_LIMITS };
  for (const entry of overrides) {
    const match = /^(\w+)=(\d{1,9})\/(\d{1,9})$/.exec(entry);
    if (!match) throw new Error(`LAMBDAPLANE_RATE_LIMITS: "${entry}" is not name=points/seconds.`);
    const [, name, points, seconds] = match;
    if (!isLimitName(name)) throw new Error(`LAMBDAPLANE_RATE_LIMITS: "${name}" is not a rate limit (${Object.keys(RATE_LIMITS).join(", ")}).`);
    if (Number(points) < 1 || Number(seconds) < 1) throw new Error(`LAMBDAPLANE_RATE_LIMITS: "${entry}" needs at least 1 point per 1 second.`);
    limits[name] = { ...RATE_LIMITS[name], points: Number(points), seconds: Number(seconds) };
  }
  return limits;
}
