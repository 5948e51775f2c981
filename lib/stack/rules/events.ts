// Rules for function event integrations: what they reference, AWS syntax, and conflicts between them.
import { DEFAULT_ALB_LISTENER } from "../defaults";
import { ALB_MAX_VALUES_PER_CONDITION, ALB_MAX_VALUES_PER_RULE } from "../limits";
import { checkScheduleExpression } from "../schedule-expression";
import type { ApplicationLoadBalancerIntegration, FunctionEvent, LambdaFunction, S3FilterRule } from "../schema";
import { resourcesOfType, type Path, type RuleContext } from "./context";
import { checkReference, KINDS } from "./reference-fields";

interface EventAt {
  functionName: string;
  event: FunctionEvent;
  path: Path;
}

function allEvents(ctx: RuleContext): EventAt[] {
  return resourcesOfType(ctx.definition, "function").flatMap(([functionName, fn]: [string, LambdaFunction]) =>
    (fn.properties.events ?? []).map((event, i) => ({ functionName, event, path: ["resources", functionName, "properties", "events", i] })),
  );
}

/** At most one of EventBridge's Input, InputPath and InputTransformer may be set on a target. */
function checkTargetInput(ctx: RuleContext, path: Path, p: { input?: unknown; inputPath?: string; inputTransformer?: unknown }): void {
  const set = (["input", "inputPath", "inputTransformer"] as const).filter((k) => p[k] !== undefined);
  if (set.length > 1) ctx.report([...path, set[1]], "conflict", `${set.join(" and ")} cannot be combined; EventBridge takes only one of input, inputPath, inputTransformer`);
}

// JWT authorizers read one token; REQUEST authorizers may read several request or context values.
const JWT_IDENTITY_SOURCE = /^\$request\.(header|querystring)\.[^\s.]+$/;
const REQUEST_IDENTITY_SOURCE = /^\$(request\.(header|querystring)|context|stageVariables)\.[^\s]+$/;

function checkEvent(ctx: RuleContext, { event, path }: EventAt): void {
  const props = [...path, "properties"];
  switch (event.type) {
    case "http-api-gateway": {
      const p = event.properties;
      ctx.expectResource([...props, "httpApiGatewayName"], p.httpApiGatewayName, ["http-api-gateway"], "HTTP API gateway");
      const auth = p.authorizer;
      const authPath = [...props, "authorizer", "properties"];
      if (auth?.type === "cognito") {
        ctx.expectResource([...authPath, "userPoolName"], auth.properties.userPoolName, ["user-auth-pool"], "user pool");
        const sources = auth.properties.identitySources ?? [];
        if (sources.length > 1) ctx.report([...authPath, "identitySources"], "limit", "a cognito (JWT) authorizer reads the token from exactly one identity source");
        sources.forEach((s, i) => {
          if (!JWT_IDENTITY_SOURCE.test(s)) ctx.report([...authPath, "identitySources", i], "syntax", `'${s}' must be $request.header.<name> or $request.querystring.<name>`);
        });
      } else if (auth?.type === "lambda") {
        ctx.expectResource([...authPath, "functionName"], auth.properties.functionName, ["function"], "authorizer function");
        (auth.properties.identitySources ?? []).forEach((s, i) => {
          if (!REQUEST_IDENTITY_SOURCE.test(s)) {
            ctx.report([...authPath, "identitySources", i], "syntax", `'${s}' must be $request.header.<name>, $request.querystring.<name>, $context.<variable> or $stageVariables.<name>`);
          }
        });
      }
      return;
    }
    case "schedule": {
      const problem = checkScheduleExpression(event.properties.scheduleRate);
      if (problem) ctx.report([...props, "scheduleRate"], "syntax", problem);
      checkTargetInput(ctx, props, event.properties);
      return;
    }
    case "event-bus": {
      const p = event.properties;
      const chosen = [
        p.useDefaultBus === true ? "useDefaultBus" : undefined,
        p.eventBusName !== undefined ? "eventBusName" : undefined,
        p.eventBusArn !== undefined ? "eventBusArn" : undefined,
      ].filter((x) => x !== undefined);
      if (chosen.length !== 1) {
        ctx.report(props, "conflict", chosen.length === 0 ? "set one of useDefaultBus: true, eventBusName or eventBusArn" : `${chosen.join(" and ")} cannot be combined; set exactly one`);
      }
      if (p.eventBusName !== undefined) ctx.expectResource([...props, "eventBusName"], p.eventBusName, ["event-bus"], "event bus");
      if (p.eventBusArn !== undefined) checkReference(ctx, [...props, "eventBusArn"], p.eventBusArn, KINDS.eventBusArn);
      if (Object.keys(p.eventPattern).length === 0) ctx.report([...props, "eventPattern"], "syntax", "the event pattern is empty; EventBridge needs at least one field to match");
      checkTargetInput(ctx, props, p);
      return;
    }
    case "kafka-topic": {
      const p = event.properties;
      if ((p.upstashKafkaTopic === undefined) === (p.customKafkaConfiguration === undefined)) {
        ctx.report(props, "conflict", "set exactly one of upstashKafkaTopic and customKafkaConfiguration");
      }
      if (p.upstashKafkaTopic !== undefined) {
        ctx.report([...props, "upstashKafkaTopic"], "unsupported", "Upstash Kafka topics are not supported by Lambdaplane; use customKafkaConfiguration");
      }
      const auth = p.customKafkaConfiguration?.authentication;
      const authPath = [...props, "customKafkaConfiguration", "authentication", "properties"];
      if (auth && auth.type === "MTLS") {
        checkReference(ctx, [...authPath, "clientCertificate"], auth.properties.clientCertificate, KINDS.secretArn);
        if (auth.properties.serverRootCaCertificate !== undefined) {
          checkReference(ctx, [...authPath, "serverRootCaCertificate"], auth.properties.serverRootCaCertificate, KINDS.secretArn);
        }
      } else if (auth) {
        checkReference(ctx, [...authPath, "authenticationSecretArn"], auth.properties.authenticationSecretArn, KINDS.secretArn);
      }
      return;
    }
    case "sns": {
      const p = event.properties;
      checkReference(ctx, [...props, "topicArn"], p.topicArn, KINDS.snsTopicArn);
      if (p.onDeliveryFailure) {
        checkReference(ctx, [...props, "onDeliveryFailure", "sqsQueueArn"], p.onDeliveryFailure.sqsQueueArn, KINDS.sqsQueueArn);
        checkReference(ctx, [...props, "onDeliveryFailure", "sqsQueueUrl"], p.onDeliveryFailure.sqsQueueUrl, KINDS.sqsQueueUrl);
      }
      return;
    }
    case "sqs": {
      const p = event.properties;
      // Batch size and the queue's own settings: checkEventSources.
      checkReference(ctx, [...props, "queueArn"], p.queueArn, KINDS.sqsQueueArn);
      return;
    }
    case "kinesis-stream": {
      const p = event.properties;
      checkReference(ctx, [...props, "streamArn"], p.streamArn, KINDS.kinesisStreamArn);
      if (p.consumerArn !== undefined) {
        checkReference(ctx, [...props, "consumerArn"], p.consumerArn, KINDS.kinesisConsumerArn);
        if (p.autoCreateConsumer) ctx.report([...props, "autoCreateConsumer"], "conflict", "consumerArn and autoCreateConsumer cannot be combined: use an existing consumer or let one be created");
      }
      checkOnFailure(ctx, props, p.onFailure);
      return;
    }
    case "dynamo-db-stream": {
      checkReference(ctx, [...props, "streamArn"], event.properties.streamArn, KINDS.dynamoStreamArn);
      checkOnFailure(ctx, props, event.properties.onFailure);
      return;
    }
    case "s3":
      checkReference(ctx, [...props, "bucketArn"], event.properties.bucketArn, KINDS.stackBucketArn);
      return;
    case "cloudwatch-log":
      checkReference(ctx, [...props, "logGroupArn"], event.properties.logGroupArn, KINDS.logGroupArn);
      return;
    case "application-load-balancer": {
      const p = event.properties;
      const lb = ctx.expectResource([...props, "loadBalancerName"], p.loadBalancerName, ["application-load-balancer"], "load balancer");
      const conditions = [p.paths, p.methods, p.hosts, p.headers, p.queryParams, p.sourceIps].filter((c) => c && c.length > 0);
      if (conditions.length === 0) ctx.report(props, "syntax", "an ALB rule needs at least one condition (paths, methods, hosts, headers, queryParams or sourceIps)");
      if (lb) {
        const ports = (lb.properties?.listeners ?? [DEFAULT_ALB_LISTENER]).map((l) => l.port);
        if (p.listenerPort === undefined && ports.length > 1) {
          ctx.report(props, "reference", `load balancer '${p.loadBalancerName}' has listeners on ports ${ports.join(", ")}; set listenerPort`);
        } else if (p.listenerPort !== undefined && !ports.includes(p.listenerPort)) {
          ctx.report([...props, "listenerPort"], "reference", `load balancer '${p.loadBalancerName}' has no listener on port ${p.listenerPort}; its listeners: ${ports.join(", ")}`);
        }
      }
      checkAlbConditionCounts(ctx, props, p);
      return;
    }
  }
}

// Each list becomes one rule condition (headers and query params: one per entry), and every value is a match evaluation.
function checkAlbConditionCounts(ctx: RuleContext, props: Path, p: ApplicationLoadBalancerIntegration["properties"]): void {
  const conditions: [Path, number][] = [
    ...(["paths", "methods", "hosts", "sourceIps"] as const).flatMap((k): [Path, number][] => (p[k] ? [[[...props, k], p[k].length]] : [])),
    ...(p.headers ?? []).map((h, i): [Path, number] => [[...props, "headers", i, "values"], h.values.length]),
    ...(p.queryParams ?? []).map((q, i): [Path, number] => [[...props, "queryParams", i, "values"], q.values.length]),
  ];
  for (const [path, count] of conditions) {
    if (count > ALB_MAX_VALUES_PER_CONDITION) ctx.report(path, "limit", `an ALB rule condition takes at most ${ALB_MAX_VALUES_PER_CONDITION} values, got ${count}`);
  }
  const total = conditions.reduce((sum, [, count]) => sum + count, 0);
  if (total > ALB_MAX_VALUES_PER_RULE) ctx.report(props, "limit", `an ALB rule takes at most ${ALB_MAX_VALUES_PER_RULE} condition values in total, got ${total}`);
}

function checkOnFailure(ctx: RuleContext, props: Path, onFailure: { arn: string; type: "sqs" | "sns" } | undefined): void {
  if (!onFailure) return;
  checkReference(ctx, [...props, "onFailure", "arn"], onFailure.arn, onFailure.type === "sqs" ? KINDS.sqsQueueArn : KINDS.snsTopicArn);
}

function reportDuplicates(ctx: RuleContext, entries: { key: string; path: Path; describe: () => string }[]): void {
  const first = new Map<string, Path>();
  for (const e of entries) {
    const earlier = first.get(e.key);
    if (earlier) ctx.report(e.path, "duplicate", `${e.describe()} is already used at ${earlier.join(".")}`);
    else first.set(e.key, e.path);
  }
}

// S3 rejects notification configurations on one bucket whose event types and filters overlap.
function eventTypesOverlap(a: string, b: string): boolean {
  const covers = (wide: string, narrow: string) => wide === narrow || (wide.endsWith(":*") && narrow.startsWith(wide.slice(0, -1)));
  return covers(a, b) || covers(b, a);
}
function filtersOverlap(a: S3FilterRule | undefined, b: S3FilterRule | undefined): boolean {
  const prefixesOverlap = (x = "", y = "") => x.startsWith(y) || y.startsWith(x);
  const suffixesOverlap = (x = "", y = "") => x.endsWith(y) || y.endsWith(x);
  return prefixesOverlap(a?.prefix, b?.prefix) && suffixesOverlap(a?.suffix, b?.suffix);
}

export function checkEvents(ctx: RuleContext): void {
  const events = allEvents(ctx);
  for (const e of events) checkEvent(ctx, e);

  const routes = events.flatMap((e) => (e.event.type === "http-api-gateway" ? [{ ...e, p: e.event.properties }] : []));
  reportDuplicates(
    ctx,
    routes.map(({ p, path }) => ({
      key: JSON.stringify([p.httpApiGatewayName, p.method, p.path]),
      path: [...path, "properties", "path"],
      describe: () => `route '${p.method} ${p.path}' on HTTP API '${p.httpApiGatewayName}'`,
    })),
  );

  const rules = events.flatMap((e) => (e.event.type === "application-load-balancer" ? [{ ...e, p: e.event.properties }] : []));
  reportDuplicates(
    ctx,
    rules.map(({ p, path }) => {
      const lb = ctx.definition.resources[p.loadBalancerName];
      const listeners = lb?.type === "application-load-balancer" ? (lb.properties?.listeners ?? [DEFAULT_ALB_LISTENER]) : [];
      const port = p.listenerPort ?? listeners[0]?.port;
      return {
        key: JSON.stringify([p.loadBalancerName, port, p.priority]),
        path: [...path, "properties", "priority"],
        describe: () => `priority ${p.priority} on load balancer '${p.loadBalancerName}'${port === undefined ? "" : ` (listener ${port})`}`,
      };
    }),
  );

  const s3 = events.flatMap((e) => (e.event.type === "s3" ? [{ ...e, p: e.event.properties }] : []));
  s3.forEach((a, i) => {
    const b = s3.slice(0, i).find((o) => o.p.bucketArn === a.p.bucketArn && eventTypesOverlap(o.p.s3EventType, a.p.s3EventType) && filtersOverlap(o.p.filterRule, a.p.filterRule));
    if (b) ctx.report([...a.path, "properties"], "conflict", `S3 rejects overlapping notifications: this ${a.p.s3EventType} trigger overlaps the one at ${b.path.join(".")} on the same bucket; make their event types or prefix/suffix filters disjoint`);
  });
}
