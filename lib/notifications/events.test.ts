import { describe, expect, it } from "vitest";
import { notificationEventFor, slackMessage, type DeploymentNotification } from "./events";

describe("notificationEventFor", () => {
  it("maps the pipeline's status changes to started, succeeded and failed", () => {
    expect(notificationEventFor("deploy", "packaging")).toBe("started");
    expect(notificationEventFor("deploy", "uploading")).toBeNull();
    expect(notificationEventFor("deploy", "succeeded")).toBe("succeeded");
    expect(notificationEventFor("deploy", "no_changes")).toBe("succeeded");
    expect(notificationEventFor("deploy", "rolled_back")).toBe("failed");
    expect(notificationEventFor("deploy", "failed")).toBe("failed");
    expect(notificationEventFor("deploy", "cancelled")).toBeNull();
    expect(notificationEventFor("destroy", "executing")).toBe("started");
    expect(notificationEventFor("deploy", "executing")).toBeNull();
  });
});

describe("slackMessage", () => {
  const n: DeploymentNotification = {
    event: "deploy.failed",
    eventId: "d1",
    deliveryId: "d1",
    occurredAt: "2026-12-01T08:00:00.000Z",
    organization: { slug: "acme", name: "Acme" },
    stack: "shop",
    stage: "prod",
    deployment: {
      id: "dep1",
      operation: "deploy",
      status: "failed",
      revision: 4,
      startedBy: "ann@acme.test",
      error: "Access denied\nmore",
      cloudFormationStackName: "shop-prod",
      url: "https://lp.example.com/acme/stacks/shop/deployments/dep1",
    },
  };
  it("says what happened where, who started it, links the deployment and quotes the error's first line", () => {
    expect(slackMessage(n).text).toBe(
      ":x: Deploy of revision 4 of *shop* to *prod* failed (started by ann@acme.test). <https://lp.example.com/acme/stacks/shop/deployments/dep1|Open deployment>\n>Access denied",
    );
  });
  it("says a test delivery is a test, naming the stack and stage", () => {
    const ping = { event: "ping", test: true, eventId: "d2", deliveryId: "d2", occurredAt: n.occurredAt, organization: n.organization, stack: "shop", stage: "prod" } as const;
    expect(slackMessage(ping).text).toBe(":wave: Test notification from Lambdaplane for *shop* / *prod*: this channel will hear about its deploys.");
  });
});

describe("slackMessage for stage.drifted", () => {
  it("names the stage, the stack, how many properties and the first ones, and links the drift view", () => {
    const text = slackMessage({
      event: "stage.drifted",
      eventId: "d1",
      deliveryId: "d1",
      occurredAt: "2026-12-06T10:00:00.000Z",
      organization: { slug: "acme", name: "Acme" },
      stack: "shop",
      stage: "prod",
      drift: { checkId: "c1", count: 3, drifts: [{ resource: "ApiFunction", property: "MemorySize" }], checkedBy: null, url: "https://lp.example/acme/stacks/shop/drift" },
    }).text;
    expect(text).toBe(
      ":warning: Stage *prod* of *shop* drifted: 3 properties changed outside Lambdaplane (ApiFunction MemorySize and 2 more). <https://lp.example/acme/stacks/shop/drift|Open drift>",
    );
  });
});
