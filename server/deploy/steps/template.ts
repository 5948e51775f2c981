import "server-only";
import { createHash } from "node:crypto";
import { serializeTemplate, type RenderResult } from "@/server/render";
import { needsSplitting, splitIntoNestedStacks } from "@/server/render/nested-stacks";
import { nestedTemplatePrefix } from "@/server/package/code-locations";
import { templateKey, templateUrl, uploadIfMissing } from "@/server/package/upload";
import { hasErrors } from "@/lib/stack/diagnostics";
import type { StackDefinition } from "@/lib/stack/schema";
import { CLOUDFORMATION_LIMITS } from "@/server/validate/limits";
import { artifactLocations, type DeploymentArtifacts } from "../artifacts";
import { computeForRun, describeDiagnostics, StepFailure, type RunContext } from "../run-context";
import { artifactsBucket } from "./prepare";

// The template a deployment hands CloudFormation: rendered from the revision and its uploaded code,
// split into nested stacks when it is past one stack's limits, and passed by URL when its body is
// larger than CreateChangeSet accepts inline.

export async function render(run: RunContext, definition: StackDefinition, artifacts: DeploymentArtifacts): Promise<RenderResult> {
  const rendered = await computeForRun(run, "Rendering", "renderStack", [
    definition,
    {
      stackName: run.renderName,
      stage: run.d.stage.name,
      region: run.region,
      artifacts: artifactLocations(artifacts),
      ...(run.d.reconcile ? { reconcileToken: run.d.id } : {}),
    },
  ]);
  if (hasErrors(rendered.diagnostics)) throw new StepFailure(describeDiagnostics("The stack does not render", rendered.diagnostics));
  return rendered;
}

const sha256 = (body: string) => createHash("sha256").update(body).digest();

/** Where a template that is too large to pass inline goes: the account's artifacts bucket, made on demand. */
export interface TemplateTarget {
  s3: RunContext["aws"]["s3"];
  region: string;
  /** The CloudFormation stack's name: nested templates and large bodies are stored under it. */
  stackName: string;
  artifactsBucket: () => Promise<string>;
}

export const templateTarget = (run: RunContext): TemplateTarget => ({
  s3: run.aws.s3,
  region: run.region,
  stackName: run.stackName,
  artifactsBucket: () => artifactsBucket(run),
});

async function putTemplate(target: TemplateTarget, bucket: string, key: string, body: string): Promise<void> {
  await uploadIfMissing(target.s3, bucket, {
    key,
    body: Buffer.from(body, "utf8"),
    sha256Base64: sha256(body).toString("base64"),
    contentType: "application/json",
  });
}

export type TemplateSource = { TemplateBody: string } | { TemplateURL: string };

/** `knownBucket`: the artifacts bucket when the code upload already looked it up. */
export async function templateSource(target: TemplateTarget, rendered: Pick<RenderResult, "template" | "graph">, knownBucket: string | null): Promise<TemplateSource> {
  let bucket = knownBucket;
  let template = rendered.template;
  if (needsSplitting(template)) {
    bucket ??= await target.artifactsBucket();
    const split = splitIntoNestedStacks(template, {
      artifactsBucket: bucket,
      region: target.region,
      keyPrefix: nestedTemplatePrefix(target.stackName),
      graph: rendered.graph,
    });
    if (!split.ok) throw new StepFailure(`The stack is too large for CloudFormation: ${split.reason}`);
    for (const nested of Object.values(split.uploads)) await putTemplate(target, bucket, nested.key, nested.body);
    template = split.parent;
  }
  const body = serializeTemplate(template);
  if (Buffer.byteLength(body, "utf8") <= CLOUDFORMATION_LIMITS.templateBodyBytesInline.value) return { TemplateBody: body };
  bucket ??= await target.artifactsBucket();
  const key = templateKey(target.stackName, sha256(body).toString("hex"));
  await putTemplate(target, bucket, key, body);
  return { TemplateURL: templateUrl(bucket, target.region, key) };
}
