// API token scopes and what they grant. Pure, and free of Node modules: the settings form imports it.

export const TOKEN_SCOPES = ["read", "deploy", "admin"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export const MAX_TOKEN_DAYS = 365;

// A wider scope includes the narrower ones: deploying needs to read the stack and follow the deploy.
const IMPLIED: Record<TokenScope, readonly TokenScope[]> = {
  read: ["read"],
  deploy: ["read", "deploy"],
  admin: ["read", "deploy", "admin"],
};

export function grants(scopes: readonly string[], needed: TokenScope): boolean {
  return scopes.some((s) => (TOKEN_SCOPES as readonly string[]).includes(s) && IMPLIED[s as TokenScope].includes(needed));
}
