import type { Diagnostic } from "@/lib/stack/diagnostics";
import type { StackDefinition } from "@/lib/stack/schema";
import type { ArtifactLocation } from "@/server/render/options";
import { packageStack, type PreparePackage } from "./package-stack";
import type { PackagedFunction } from "./package-function";

// Where each function's code is, named the same way by every path that renders a template (CLI,
// editor preview, REST render, revision diff, deploy): the key is the sha256 of the deterministic
// zip the deploy uploads, so the template people review is byte for byte the one deployed. Pure
// apart from packaging (esbuild).

/** The bucket a template names before a deploy has looked up its connection's artifacts bucket. */
export const placeholderBucket = (region: string) => `lambdaplane-artifacts-${region}`;

/** Content-addressed: a key that exists already holds exactly these bytes. */
export const codeKey = (zipSha256: string) => `functions/${zipSha256}.zip`;

/** Where a stack split into nested stacks keeps their templates (`cfnStackName` is `<stack>-<stage>`). */
export const nestedTemplatePrefix = (cfnStackName: string) => `templates/${cfnStackName}/nested/`;

/** A function whose code cannot be packaged yet (the preview and the diff still show the rest of the template). */
export const unpackagedKey = (functionName: string) => `functions/not-packaged/${functionName}.zip`;

export function codeLocations(packages: readonly Pick<PackagedFunction, "name" | "sha256">[], bucket: string): Record<string, ArtifactLocation> {
  return Object.fromEntries(packages.map((p) => [p.name, { bucket, key: codeKey(p.sha256) }]));
}

export interface LocatedCode {
  packages: PackagedFunction[];
  artifacts: Record<string, ArtifactLocation>;
  /** Packaging problems, located at the function's packaging. */
  diagnostics: Diagnostic[];
}

export interface LocateOptions {
  region: string;
  /**
   * Renders that show a template whatever the code's state (preview, diff) give a function that
   * cannot be packaged the unpackaged key and keep the problem as a warning; others stop at it.
   */
  tolerateUnpackaged?: boolean;
  prepare?: PreparePackage;
}

/** Packages the revision's code as a deploy does and names each package's location in the placeholder bucket. */
export async function locateCode(definition: StackDefinition, code: unknown, options: LocateOptions): Promise<LocatedCode> {
  const bucket = placeholderBucket(options.region);
  const { packages, diagnostics, failed } = await packageStack(definition, code, options.prepare);
  const artifacts = codeLocations(packages, bucket);
  if (!options.tolerateUnpackaged) return { packages, artifacts, diagnostics };
  for (const name of failed) artifacts[name] = { bucket, key: unpackagedKey(name) };
  return { packages, artifacts, diagnostics: diagnostics.map((d) => (d.severity === "error" ? { ...d, severity: "warning" } : d)) };
}
