// Which drift a check found, independent of order and of the deployed side: the same resources,
// properties and live values twice are one drift to announce. Pure.
import { createHash } from "node:crypto";
import type { DriftItem } from "./types";

export function driftFingerprint(drifts: readonly DriftItem[]): string {
  const keys = drifts.map((d) => JSON.stringify([d.resource, d.property, d.live])).sort();
  return createHash("sha256").update(keys.join("\n")).digest("hex");
}
