// What the deployment records about its uploaded code (Deployment.artifacts). Pure.
import type { ArtifactLocation } from "@/server/render";

export interface FunctionArtifact {
  key: string;
  sha256: string;
  zippedBytes: number;
  unzippedBytes: number;
  /** False when the key existed already and the upload was skipped. */
  uploaded: boolean;
}

export interface DeploymentArtifacts {
  /** The artifacts bucket of the account and region; null when nothing needed it. */
  bucket: string | null;
  functions: Record<string, FunctionArtifact>;
}

export function parseArtifacts(value: unknown): DeploymentArtifacts {
  const v = (value ?? {}) as Partial<DeploymentArtifacts>;
  return { bucket: v.bucket ?? null, functions: v.functions ?? {} };
}

/** The renderer's input: where each function's code is. */
export function artifactLocations(artifacts: DeploymentArtifacts): Record<string, ArtifactLocation> {
  const out: Record<string, ArtifactLocation> = {};
  if (!artifacts.bucket) return out;
  for (const [name, f] of Object.entries(artifacts.functions)) out[name] = { bucket: artifacts.bucket, key: f.key };
  return out;
}
