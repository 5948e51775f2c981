import { describe, expect, it } from "vitest";
import { eventLine, progressBar } from "./progress";

describe("progressBar", () => {
  it("fills with the pipeline's steps and is full once the deployment ends, however it ends", () => {
    expect(progressBar("queued")).toBe("[--------------------] 0/5 queued");
    expect(progressBar("uploading")).toBe("[########------------] 2/5 uploading");
    expect(progressBar("awaiting_approval")).toBe("[################----] 4/5 awaiting approval");
    expect(progressBar("succeeded")).toBe("[####################] 5/5 succeeded");
    expect(progressBar("failed")).toBe("[####################] 5/5 failed");
    expect(progressBar("executing", "destroy")).toBe("[##########----------] 1/2 executing");
  });
});

describe("eventLine", () => {
  const base = { id: "1", at: "2026-12-01T08:00:05.123Z", logicalId: null, resourceType: null, status: null, reason: null, data: null };
  it("shows status changes, resource events and other events with their reasons", () => {
    expect(eventLine({ ...base, kind: "status", status: "queued", reason: "Started by ann@acme.test" })).toBe("08:00:05  status queued — Started by ann@acme.test");
    expect(eventLine({ ...base, kind: "resource", logicalId: "WorkerFunction", resourceType: "AWS::Lambda::Function", status: "CREATE_COMPLETE" })).toBe(
      "08:00:05  WorkerFunction (AWS::Lambda::Function) CREATE_COMPLETE",
    );
    expect(eventLine({ ...base, kind: "upload", logicalId: "worker", status: "UPLOADED" })).toBe("08:00:05  upload worker UPLOADED");
  });
});
