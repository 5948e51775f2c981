import { EDGE_ORIGIN_MAX_ZIPPED_BYTES, EDGE_VIEWER_MAX_ZIPPED_BYTES } from "@/lib/stack/limits";

// Lambda's code package limits (seed 002: "50 MB compressed and 250 MB uncompressed"; seed 001:
// 1 MB zipped for onRequest/onResponse edge functions; Lambda@Edge quotas: 50 MB for origin ones).
// AWS's "MB" here are MiB.
const MiB = 1024 * 1024;
export const LAMBDA_MAX_ZIPPED_BYTES = 50 * MiB;
export const LAMBDA_MAX_UNZIPPED_BYTES = 250 * MiB;

/** Viewer edge functions run on onRequest/onResponse, origin ones on the origin triggers (or are not attached). */
export type FunctionKind = "function" | "edge-viewer" | "edge-origin";

export function maxZippedBytes(kind: FunctionKind): number {
  if (kind === "edge-viewer") return EDGE_VIEWER_MAX_ZIPPED_BYTES;
  if (kind === "edge-origin") return EDGE_ORIGIN_MAX_ZIPPED_BYTES;
  return LAMBDA_MAX_ZIPPED_BYTES;
}

const KIND_LABEL: Record<FunctionKind, string> = {
  function: "a Lambda function",
  "edge-viewer": "an edge function on a viewer trigger (onRequest/onResponse)",
  "edge-origin": "an edge function on an origin trigger",
};

function size(bytes: number): string {
  return bytes >= MiB ? `${(bytes / MiB).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;
}

/** Why a package is too big for Lambda, or undefined when it fits. */
export function sizeProblem(kind: FunctionKind, zippedBytes: number, unzippedBytes: number): string | undefined {
  const zippedMax = maxZippedBytes(kind);
  if (zippedBytes > zippedMax) {
    return `the zipped package is ${size(zippedBytes)} (${zippedBytes} bytes); ${KIND_LABEL[kind]} allows at most ${size(zippedMax)}`;
  }
  if (unzippedBytes > LAMBDA_MAX_UNZIPPED_BYTES) {
    return `the unzipped package is ${size(unzippedBytes)} (${unzippedBytes} bytes); Lambda allows at most ${size(LAMBDA_MAX_UNZIPPED_BYTES)}`;
  }
  return undefined;
}
