// The one permission table: role -> allowed actions. Every server-side check reads it, and the UI
// reads it only to hide controls (the server still refuses).

export const ROLES = ["owner", "admin", "deployer", "editor", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  "org:read": ["owner", "admin", "deployer", "editor", "viewer"],
  "org:update": ["owner", "admin"],
  "member:read": ["owner", "admin", "deployer", "editor", "viewer"],
  "member:manage": ["owner", "admin"],
  "sso:manage": ["owner", "admin"],
  "aws:read": ["owner", "admin", "deployer"],
  "aws:manage": ["owner", "admin"],
  "stack:read": ["owner", "admin", "deployer", "editor", "viewer"],
  "stack:create": ["owner", "admin", "editor"],
  "stack:update": ["owner", "admin", "editor"],
  "stack:delete": ["owner", "admin"],
  "stage:manage": ["owner", "admin"],
  "deploy:start": ["owner", "admin", "deployer"],
  // A plan creates a change set with the stage's AWS connection (never executed): the people who may deploy.
  "deploy:plan": ["owner", "admin", "deployer"],
  "deploy:approve": ["owner", "admin"],
  "drift:read": ["owner", "admin", "deployer", "editor", "viewer"],
  "drift:check": ["owner", "admin", "deployer"],
  // Adopting live values writes a new revision of the stack: the people who edit stacks.
  "drift:adopt": ["owner", "admin", "editor"],
  "logs:read": ["owner", "admin", "deployer", "editor", "viewer"],
  // Test invocations run the deployed code (with its side effects): the people who may deploy it.
  "function:invoke": ["owner", "admin", "deployer"],
  "audit:read": ["owner", "admin"],
  "token:manage": ["owner", "admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
