import { describe, expect, it } from "vitest";
import { canTransition, DEPLOYMENT_STATUSES, isTerminal, nextStatuses, statusesBefore, TERMINAL_STATUSES, type DeploymentStatus } from "./status";

/** Every status reachable from queued, walking the transition table. */
function reachable(operation: "deploy" | "destroy"): Set<DeploymentStatus> {
  const seen = new Set<DeploymentStatus>(["queued"]);
  const queue: DeploymentStatus[] = ["queued"];
  while (queue.length) {
    for (const next of nextStatuses(operation, queue.shift()!)) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return seen;
}

describe("deployment state machine", () => {
  it("walks a deploy through every stage in order", () => {
    const path: DeploymentStatus[] = ["queued", "packaging", "uploading", "creating_change_set", "awaiting_approval", "executing", "succeeded"];
    for (let i = 1; i < path.length; i++) expect(canTransition("deploy", path[i - 1], path[i]), `${path[i - 1]} -> ${path[i]}`).toBe(true);
  });

  it("never leaves a terminal status", () => {
    for (const status of TERMINAL_STATUSES) {
      expect(isTerminal(status)).toBe(true);
      for (const to of DEPLOYMENT_STATUSES) {
        expect(canTransition("deploy", status, to)).toBe(false);
        expect(canTransition("destroy", status, to)).toBe(false);
      }
    }
  });

  it("has no cycles: a status is reached at most once, so a status event per status is unique", () => {
    for (const operation of ["deploy", "destroy"] as const) {
      const visit = (s: DeploymentStatus, path: Set<DeploymentStatus>) => {
        expect(path.has(s), `${operation}: cycle through ${s}`).toBe(false);
        for (const next of nextStatuses(operation, s)) visit(next, new Set([...path, s]));
      };
      visit("queued", new Set());
    }
  });

  it("ends only in a terminal status, and a cancel is possible before execution", () => {
    for (const status of reachable("deploy")) {
      if (!isTerminal(status)) expect(nextStatuses("deploy", status).length, status).toBeGreaterThan(0);
    }
    expect(statusesBefore("deploy", "cancelled")).toEqual(["queued", "packaging", "uploading", "creating_change_set", "awaiting_approval", "executing"]);
    expect(statusesBefore("deploy", "no_changes")).toEqual(["creating_change_set"]);
  });

  it("lets a stack deletion skip packaging and change sets, and never roll back", () => {
    expect([...reachable("destroy")].sort()).toEqual(["cancelled", "executing", "failed", "queued", "succeeded"]);
    expect(canTransition("destroy", "queued", "packaging")).toBe(false);
    expect(canTransition("destroy", "executing", "rolled_back")).toBe(false);
  });
});
