import "server-only";
import { randomBytes } from "node:crypto";

/**
 * The external id Lambdaplane puts in every AssumeRole call of a connection. Generated here, never
 * chosen by the user, so another Lambdaplane tenant cannot name it (the confused-deputy guard).
 * STS allows 2-1224 characters of [\w+=,.@:/-].
 */
export function generateExternalId(): string {
  return `lambdaplane-${randomBytes(20).toString("hex")}`;
}
