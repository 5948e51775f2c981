// Which nested stack a stored CloudFormation event came from. The pipeline follows each nested
// stack's own events beside the root's and marks them with the nested stack's logical id in the
// root (data.nestedStack); the root's events carry none. Pure; shared by the pipeline and the browser.

export function nestedStackOf(data: unknown): string | null {
  const nested = typeof data === "object" && data !== null ? (data as { nestedStack?: unknown }).nestedStack : undefined;
  return typeof nested === "string" && nested !== "" ? nested : null;
}
