// Rules for `function` resources: runtime and packaging, environment, deployment, concurrency, access.
import { connectToEnvVarName, CONNECT_TO_ENV_PARAMS, type ConnectableResourceType } from "../directives";
import { LAMBDA_ENVIRONMENT_MAX_BYTES, LAMBDA_RESERVED_ENV_VARS } from "../limits";
import { detectRuntime } from "../runtime";
import type { CloudformationTag, EdgePackaging, LambdaFunction, Packaging } from "../schema";
import { checkAllowAccessTo, checkConnectTo, checkIamStatements } from "./access";
import { resourcesOfType, type Path, type RuleContext } from "./context";
import { checkReference, KINDS } from "./reference-fields";

// Registry/repository[:tag|@digest] in Amazon ECR, which is where Lambda pulls images from.
const ECR_IMAGE_URI = /^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\/[a-z0-9]+([._/-][a-z0-9]+)*(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|@sha256:[a-f0-9]{64})$/;

/** Runtime rules shared with edge functions; `allowed` narrows the detected runtime (edge: Node.js and Python). */
export function checkRuntime(
  ctx: RuleContext,
  path: Path,
  props: { packaging: Packaging | EdgePackaging; runtime?: string },
  allowed?: readonly string[],
): void {
  const { packaging, runtime } = props;
  if (packaging.type === "container-image") {
    if (runtime !== undefined) ctx.report([...path, "runtime"], "conflict", "a container image brings its own runtime; remove runtime");
    const uri = packaging.properties.imageUri;
    if (!uri.startsWith("$") && !ECR_IMAGE_URI.test(uri)) {
      ctx.report([...path, "packaging", "properties", "imageUri"], "syntax", `'${uri}' is not an Amazon ECR image URI (<account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag> or @sha256:<digest>)`);
    }
    return;
  }
  if (runtime !== undefined) return;
  if (packaging.type === "s3-artifact") {
    ctx.report([...path, "runtime"], "syntax", "runtime is required with s3-artifact packaging (it cannot be detected from a zip)");
    return;
  }
  const entry = packaging.properties.entryfilePath;
  const detected = detectRuntime(entry);
  const entryPath = [...path, "packaging", "properties", "entryfilePath"];
  if (!detected) ctx.report(entryPath, "syntax", `cannot detect the runtime of '${entry}' from its extension; set runtime`);
  else if (allowed && !allowed.includes(detected)) ctx.report(entryPath, "unsupported", `'${entry}' would run on ${detected}, which is not available here; use ${allowed.join(", ")}`);
}

const utf8Bytes = (s: string) => new TextEncoder().encode(s).length;

function checkEnvironment(ctx: RuleContext, name: string, fn: LambdaFunction, path: Path): void {
  const env = fn.properties.environment ?? [];
  const injected = new Map<string, string>();
  for (const target of fn.properties.connectTo ?? []) {
    const resource = Object.hasOwn(ctx.definition.resources, target) ? ctx.definition.resources[target] : undefined;
    if (resource && Object.hasOwn(CONNECT_TO_ENV_PARAMS, resource.type)) {
      for (const suffix of Object.keys(CONNECT_TO_ENV_PARAMS[resource.type as ConnectableResourceType])) injected.set(connectToEnvVarName(target, suffix), target);
    }
  }
  const seen = new Set<string>();
  env.forEach((v, i) => {
    const at = [...path, "environment", i, "name"];
    if (seen.has(v.name)) ctx.report(at, "duplicate", `environment variable ${v.name} is defined twice`);
    seen.add(v.name);
    if ((LAMBDA_RESERVED_ENV_VARS as readonly string[]).includes(v.name)) ctx.report(at, "syntax", `${v.name} is reserved by AWS Lambda`);
    if (injected.has(v.name)) ctx.report(at, "conflict", `${v.name} is also injected by connectTo '${injected.get(v.name)}'`);
  });
  // AWS counts the keys and values of all variables together; directive values are counted as written.
  const total = env.reduce((sum, v) => sum + utf8Bytes(v.name) + utf8Bytes(String(v.value)), 0);
  if (total > LAMBDA_ENVIRONMENT_MAX_BYTES) {
    ctx.report([...path, "environment"], "limit", `environment variables of '${name}' take ${total} bytes; AWS Lambda allows ${LAMBDA_ENVIRONMENT_MAX_BYTES} (4 KB) in total`);
  }
}

function checkDeployment(ctx: RuleContext, name: string, fn: LambdaFunction, path: Path): void {
  const d = fn.properties.deployment;
  if (!d) return;
  const at = [...path, "deployment"];
  if (d.strategy && d.weightedRouting) {
    ctx.report([...at, "weightedRouting"], "conflict", "weightedRouting cannot be combined with strategy: CodeDeploy sets the alias weights itself");
  }
  for (const hook of ["beforeAllowTrafficFunction", "afterTrafficShiftFunction"] as const) {
    const target = d[hook];
    if (target === undefined) continue;
    if (!d.strategy) ctx.report([...at, hook], "conflict", `${hook} runs as a CodeDeploy hook; set a strategy`);
    if (target === name) ctx.report([...at, hook], "reference", `${hook} cannot be the function being deployed`);
    else ctx.expectResource([...at, hook], target, ["function"], `${hook}`);
  }
}

function checkTags(ctx: RuleContext, tags: readonly CloudformationTag[] | undefined, path: Path): void {
  const seen = new Set<string>();
  (tags ?? []).forEach((t, i) => {
    if (t.name.toLowerCase().startsWith("aws:")) ctx.report([...path, i, "name"], "syntax", "tag names starting with 'aws:' are reserved by AWS");
    if (seen.has(t.name)) ctx.report([...path, i, "name"], "duplicate", `tag ${t.name} is set twice`);
    seen.add(t.name);
  });
}

export function checkFunctions(ctx: RuleContext): void {
  for (const [name, fn] of resourcesOfType(ctx.definition, "function")) {
    const path: Path = ["resources", name, "properties"];
    const p = fn.properties;
    checkRuntime(ctx, path, p);
    checkEnvironment(ctx, name, fn, path);
    checkDeployment(ctx, name, fn, path);
    checkTags(ctx, p.tags, [...path, "tags"]);
    checkConnectTo(ctx, [...path, "connectTo"], p.connectTo, name);
    checkAllowAccessTo(ctx, [...path, "accessControl", "allowAccessTo"], p.accessControl?.allowAccessTo, name);
    checkIamStatements(ctx, [...path, "accessControl", "iamRoleStatements"], p.accessControl?.iamRoleStatements);
    for (const key of ["onSuccess", "onFailure"] as const) {
      const target = p.destinations?.[key];
      if (target !== undefined) checkReference(ctx, [...path, "destinations", key], target, KINDS.asyncDestinationArn);
    }
    if (p.provisionedConcurrency !== undefined && p.reservedConcurrency !== undefined && p.provisionedConcurrency > p.reservedConcurrency) {
      ctx.report([...path, "provisionedConcurrency"], "limit", `provisionedConcurrency (${p.provisionedConcurrency}) cannot exceed reservedConcurrency (${p.reservedConcurrency})`);
    }
    if (p.logging?.disabled && p.logging.retentionDays !== undefined) {
      ctx.report([...path, "logging", "retentionDays"], "conflict", "retentionDays has no effect when logging is disabled", "warning");
    }
  }
}
