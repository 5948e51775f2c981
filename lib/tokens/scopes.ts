// API token scopes and what they grant. Pure, and free of Node modules: the settings form imports it.

export const TOKEN_SCOPES = ["read", "plan", "deploy", "admin"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

// The documented contract (README "REST API and API tokens"): 7 days to a year. A shorter life
// would only invite long-lived tokens re-created in scripts; the form offers exactly these choices.
export const MIN_TOKEN_DAYS = 7;
export const MAX_TOKEN_DAYS = 365;
export const TOKEN_EXPIRY_CHOICES = [
  { days: 7, label: "7 days" },
  { days: 30, label: "30 days" },
  { days: 90, label: "90 days" },
  { days: 365, label: "1 year" },
] as const;

// A wider scope includes the narrower ones: deploying needs to read the stack and follow the deploy.
// `plan` is read plus creating (and deleting) a change set that is never executed: what a pull
// request's check needs, without the power to change the stack.
const IMPLIED: Record<TokenScope, readonly TokenScope[]> = {
  read: ["read"],
  plan: ["read", "plan"],
  deploy: ["read", "plan", "deploy"],
  admin: ["read", "plan", "deploy", "admin"],
};

export function grants(scopes: readonly string[], needed: TokenScope): boolean {
  return scopes.some((s) => (TOKEN_SCOPES as readonly string[]).includes(s) && IMPLIED[s as TokenScope].includes(needed));
}
