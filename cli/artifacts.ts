// Code locations the CLI hands to the renderer. Until packaging exists, the content hash is taken
// over the entry file's bytes: enough for a code change to change the template (the S3 key).
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Diagnostic } from "@/lib/stack/diagnostics";
import type { StackDefinition } from "@/lib/stack/schema";
import type { ArtifactLocation } from "@/server/render";

/**
 * Placeholder name of the artifacts bucket: the deploy pipeline uploads code to the bucket of the
 * AWS connection it deploys with; the CLI only renders, so it names a bucket per region.
 */
export const artifactsBucketName = (region: string) => `lambdaplane-artifacts-${region}`;

export const artifactKey = (stackName: string, functionName: string, contentHash: string) =>
  `${stackName}/${functionName}/${contentHash}.zip`;

export async function sha256File(file: string): Promise<string> {
  return createHash("sha256").update(await readFile(file)).digest("hex");
}

/** Artifact locations of every function built from an entry file; entry paths are relative to the definition file. */
export async function collectArtifacts(
  definition: StackDefinition,
  definitionFile: string,
  stackName: string,
  region: string,
): Promise<{ artifacts: Record<string, ArtifactLocation>; diagnostics: Diagnostic[] }> {
  const artifacts: Record<string, ArtifactLocation> = {};
  const diagnostics: Diagnostic[] = [];
  const baseDir = path.dirname(definitionFile);
  for (const [name, resource] of Object.entries(definition.resources)) {
    if (resource.type !== "function" && resource.type !== "edge-lambda-function") continue;
    const packaging = resource.properties.packaging;
    if (packaging.type !== "stacktape-lambda-buildpack") continue;
    const entry = path.resolve(baseDir, packaging.properties.entryfilePath);
    try {
      artifacts[name] = { bucket: artifactsBucketName(region), key: artifactKey(stackName, name, await sha256File(entry)) };
    } catch (e) {
      const reason = (e as NodeJS.ErrnoException).code === "ENOENT" ? "does not exist" : `cannot be read (${(e as Error).message})`;
      diagnostics.push({
        severity: "error",
        code: "file",
        message: `entry file ${path.relative(process.cwd(), entry) || entry} ${reason}`,
        path: ["resources", name, "properties", "packaging", "properties", "entryfilePath"],
      });
    }
  }
  return { artifacts, diagnostics };
}
