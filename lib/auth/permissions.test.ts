import { describe, expect, it } from "vitest";
import { PERMISSIONS, ROLES, can } from "./permissions";

describe("permission table", () => {
  it("gives the owner every permission", () => {
    for (const p of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) expect(can("owner", p)).toBe(true);
  });

  it("keeps viewers read-only", () => {
    const allowed = (Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]).filter((p) => can("viewer", p));
    expect(allowed.every((p) => p.endsWith(":read"))).toBe(true);
    expect(can("viewer", "stack:delete")).toBe(false);
    expect(can("viewer", "stack:update")).toBe(false);
  });

  it("separates deploying from editing", () => {
    expect(can("deployer", "deploy:start")).toBe(true);
    expect(can("deployer", "stack:update")).toBe(false);
    expect(can("editor", "stack:update")).toBe(true);
    expect(can("editor", "deploy:start")).toBe(false);
    expect(can("deployer", "deploy:plan")).toBe(true);
    expect(can("editor", "deploy:plan")).toBe(false);
  });

  it("lets only owners and admins manage members", () => {
    expect(ROLES.filter((r) => can(r, "member:manage"))).toEqual(["owner", "admin"]);
  });
});
