import "server-only";
import { ensureArtifactsBucket } from "@/server/package/artifacts-bucket";
import type { PackagedFunction } from "@/server/package/package-function";
import { codeKey } from "@/server/package/code-locations";
import { PACKAGING_SMALLER } from "@/server/package/package-stack";
import { uploadIfMissing } from "@/server/package/upload";
import { appendEvents } from "../events";
import { toJson } from "../json";
import type { DeploymentArtifacts, FunctionArtifact } from "../artifacts";
import { computeForRun, definitionOf, describeDiagnostics, StepFailure, type RunContext, type StepResult } from "../run-context";
import { moveTo } from "../store";

// queued -> packaging -> uploading -> creating_change_set. Packaging is deterministic and uploads
// are content-addressed, so after a crash both simply run again: same bytes, nothing uploaded twice.

const UPLOAD_LANES = 4;

export async function artifactsBucket(run: RunContext): Promise<string> {
  return ensureArtifactsBucket(run.aws.cloudFormation, {
    region: run.region,
    pollMs: run.env.pollMs,
    sleep: run.env.sleep,
    onCreate: () =>
      appendEvents(run.d.id, [
        { kind: "bootstrap", eventKey: "bootstrap", reason: `Creating the artifacts bucket of ${run.region} (stack lambdaplane-bootstrap)` },
      ]).then(() => undefined),
  });
}

async function upload(run: RunContext, bucket: string, packages: PackagedFunction[]): Promise<Record<string, FunctionArtifact>> {
  const out: Record<string, FunctionArtifact> = {};
  let next = 0;
  const lane = async () => {
    while (next < packages.length) {
      const p = packages[next++];
      const key = codeKey(p.sha256);
      const result = await uploadIfMissing(run.aws.s3, bucket, {
        key,
        body: p.zip,
        sha256Base64: Buffer.from(p.sha256, "hex").toString("base64"),
        contentType: "application/zip",
      });
      out[p.name] = { key, sha256: p.sha256, zippedBytes: p.zippedBytes, unzippedBytes: p.unzippedBytes, uploaded: result === "uploaded" };
    }
  };
  await Promise.all(Array.from({ length: Math.min(UPLOAD_LANES, packages.length) }, lane));
  return out;
}

export async function prepare(run: RunContext): Promise<StepResult> {
  const { d } = run;
  if (d.status === "queued") {
    await moveTo(d.id, "deploy", "packaging");
    return "continue";
  }

  const definition = await definitionOf(run);
  const { packages, diagnostics } = await computeForRun(run, "Packaging", "packageCode", [definition, d.revision.code], PACKAGING_SMALLER);
  if (diagnostics.some((x) => x.severity === "error")) throw new StepFailure(describeDiagnostics("Packaging failed", diagnostics));
  await appendEvents(
    d.id,
    packages.map((p) => ({
      kind: "package",
      eventKey: `package:${p.name}`,
      logicalId: p.name,
      status: "PACKAGED",
      data: { sha256: p.sha256, runtime: p.runtime, zippedBytes: p.zippedBytes, unzippedBytes: p.unzippedBytes },
    })),
  );
  if (d.status === "packaging" && !(await moveTo(d.id, "deploy", "uploading", { reason: `${packages.length} function(s) packaged` }))) return "continue";

  const bucket = packages.length > 0 ? await artifactsBucket(run) : null;
  const functions = bucket ? await upload(run, bucket, packages) : {};
  await appendEvents(
    d.id,
    Object.entries(functions).map(([name, f]) => ({
      kind: "upload",
      eventKey: `upload:${name}`,
      logicalId: name,
      status: f.uploaded ? "UPLOADED" : "ALREADY_UPLOADED",
      data: { bucket, key: f.key, zippedBytes: f.zippedBytes },
    })),
  );
  const artifacts: DeploymentArtifacts = { bucket, functions };
  const uploaded = Object.values(functions).filter((f) => f.uploaded).length;
  await moveTo(d.id, "deploy", "creating_change_set", {
    data: { artifacts: toJson(artifacts) },
    reason: `${uploaded} uploaded, ${packages.length - uploaded} already in ${bucket ?? "no bucket"}`,
  });
  return "continue";
}
