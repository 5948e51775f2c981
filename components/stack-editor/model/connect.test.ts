// GIVEN a stack WHEN an edge is drawn between two nodes THEN the person is offered what it can mean
// (a destination, a failure target, a grant) and the chosen one is written; failure targets are drawn as
// edges and deleting the edge removes them.
import { describe, expect, it } from "vitest";
import { parseStack, type StackDefinition } from "@/lib/stack";
import { connect, connectChoices, removeEdge } from "./connect";
import { buildGraph } from "./graph";
import { checkDefinition } from "./validate";

const fn = (name: string, extra = "") => `  ${name}:
    type: function
    properties:
      packaging: { type: stacktape-lambda-buildpack, properties: { entryfilePath: ${name}.ts } }
${extra}`;
const YAML = `resources:
  bus: { type: event-bus }
  table:
    type: dynamo-db-table
    properties: { primaryKey: { partitionKey: { name: id, type: string } }, streamType: NEW_IMAGE }
${fn("a")}${fn(
  "b",
  `      events:
        - { type: dynamo-db-stream, properties: { streamArn: "$ResourceParam('table', 'streamArn')" } }
        - { type: sns, properties: { topicArn: "$CfResourceParam('topic', 'TopicArn')" } }
`,
)}cloudformationResources:
  queue: { Type: AWS::SQS::Queue }
  topic: { Type: AWS::SNS::Topic }
`;
const definition = () => parseStack(YAML).definition!;
const fnProps = (d: StackDefinition, name: string) => (d.resources[name] as { properties: Record<string, unknown> }).properties;

describe("connectChoices", () => {
  it("function -> function offers onSuccess, onFailure or an access grant, never a CloudWatch Logs trigger", () => {
    const r = connectChoices(definition(), "a", "b");
    if (!r.ok) throw new Error(r.reason);
    expect(r.choices.map((c) => c.id)).toEqual(["onSuccess", "onFailure", "access"]);
    const [success, failure, access] = r.choices;
    expect(fnProps(success.definition, "a").destinations).toEqual({ onSuccess: "$ResourceParam('b', 'arn')" });
    expect(fnProps(failure.definition, "a").destinations).toEqual({ onFailure: "$ResourceParam('b', 'arn')" });
    expect(fnProps(access.definition, "a").accessControl).toEqual({ allowAccessTo: ["b"] });
    for (const c of r.choices) {
      expect(fnProps(c.definition, "b").events).toEqual(fnProps(definition(), "b").events);
      expect(checkDefinition(c.definition)).toEqual([]);
    }
  });

  it("a connection with several meanings and no choice is refused, naming them; with a choice it is written", () => {
    const refused = connect(definition(), "a", "b");
    expect(refused).toEqual({ ok: false, reason: expect.stringMatching(/onSuccess destination; onFailure destination; Access grant/) });
    const chosen = connect(definition(), "a", "b", "onFailure");
    expect(chosen.ok && fnProps(chosen.definition, "a").destinations).toEqual({ onFailure: "$ResourceParam('b', 'arn')" });
    expect(connect(definition(), "a", "b", "nope")).toMatchObject({ ok: false, reason: expect.stringContaining('no choice "nope"') });
  });

  it("function -> queue offers the destinations and each stream and SNS trigger's failure target; the edge is drawn and deleting it removes it", () => {
    const r = connectChoices(definition(), "b", "queue");
    if (!r.ok) throw new Error(r.reason);
    expect(r.choices.map((c) => c.label)).toEqual([
      "onSuccess destination",
      "onFailure destination",
      "Failed records of the dynamo-db-stream trigger (onFailure)",
      "Undelivered messages of the sns trigger (onDeliveryFailure)",
    ]);
    const streamFailure = r.choices[2].definition;
    expect((fnProps(streamFailure, "b").events as { properties: unknown }[])[0].properties).toEqual({
      streamArn: "$ResourceParam('table', 'streamArn')",
      onFailure: { arn: "$CfResourceParam('queue', 'Arn')", type: "sqs" },
    });
    const snsFailure = r.choices[3].definition;
    expect((fnProps(snsFailure, "b").events as { properties: unknown }[])[1].properties).toEqual({
      topicArn: "$CfResourceParam('topic', 'TopicArn')",
      onDeliveryFailure: { sqsQueueArn: "$CfResourceParam('queue', 'Arn')", sqsQueueUrl: "$CfResourceParam('queue', 'QueueUrl')" },
    });
    for (const d of [streamFailure, snsFailure]) {
      expect(checkDefinition(d)).toEqual([]);
      const failures = buildGraph(d).edges.filter((e) => e.ref.kind === "failure");
      expect(failures.map((e) => [e.source, e.target, e.kind])).toEqual([["b", "queue", "destination"]]);
      expect(removeEdge(d, failures[0].ref)).toEqual(definition());
    }
  });

  it("function -> topic offers a stream trigger's failure target as an SNS one, not an SNS trigger's (that takes a queue)", () => {
    const r = connectChoices(definition(), "b", "topic");
    if (!r.ok) throw new Error(r.reason);
    expect(r.choices.map((c) => c.id)).toEqual(["onSuccess", "onFailure", "failure:0"]);
    expect((fnProps(r.choices[2].definition, "b").events as { properties: { onFailure: unknown } }[])[0].properties.onFailure).toEqual({
      arn: "$CfResourceParam('topic', 'TopicArn')",
      type: "sns",
    });
  });

  it("an event bus -> function trigger matches every event of the bus, not a source named after the function", () => {
    const r = connect(definition(), "bus", "a");
    if (!r.ok) throw new Error(r.reason);
    expect(fnProps(r.definition, "a").events).toEqual([{ type: "event-bus", properties: { eventBusName: "bus", eventPattern: { source: [{ prefix: "" }] } } }]);
    expect(JSON.stringify(fnProps(r.definition, "a").events)).not.toContain('"a"');
    expect(checkDefinition(r.definition)).toEqual([]);
  });

  it("a load balancer -> function trigger routes a path within the 128 characters a rule condition takes, also for a function named with 128", () => {
    const long = `f${"x".repeat(127)}`;
    const yaml = `resources:\n  alb: { type: application-load-balancer }\n${fn(long)}`;
    const r = connect(parseStack(yaml).definition!, "alb", long);
    if (!r.ok) throw new Error(r.reason);
    const [event] = fnProps(r.definition, long).events as { properties: { paths: string[] } }[];
    expect(event.properties.paths).toEqual([`/${long}`.slice(0, 128)]);
    expect(parseStack(`resources:\n  alb: { type: application-load-balancer }\n${fn(long, `      events:\n        - ${JSON.stringify(event)}\n`)}`).diagnostics).toEqual([]);
  });

  it("a destination already pointing at the target and a grant already given are not offered again; nothing left is refused", () => {
    let d = definition();
    for (const choice of ["onSuccess", "onFailure", "access"]) {
      const r = connect(d, "a", "bus", choice);
      if (!r.ok) throw new Error(r.reason);
      d = r.definition;
    }
    expect(connectChoices(d, "a", "bus")).toEqual({ ok: false, reason: "a is already connected to bus in every way a function can be" });
    expect(connectChoices(d, "a", "a")).toEqual({ ok: false, reason: "a cannot be connected to itself" });
    const replacing = connectChoices(d, "a", "b");
    expect(replacing.ok && replacing.choices[0].label).toBe("onSuccess destination (replaces $ResourceParam('bus', 'arn'))");
  });
});
