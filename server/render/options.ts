// What a caller hands renderStack besides the definition: where the stack deploys and where each
// function's code is. A module of its own, importing nothing, so any render module can name it.

export interface ArtifactLocation {
  bucket: string;
  key: string;
}

export interface RenderOptions {
  stackName: string;
  stage: string;
  region: string;
  /** Code location per function or edge function name (buildpack packaging only). */
  artifacts: Record<string, ArtifactLocation>;
  /**
   * Set by a drift reconcile (the deployment's id): written into every function's Description, so
   * CloudFormation updates each function and writes its whole configuration and code again.
   */
  reconcileToken?: string;
}
