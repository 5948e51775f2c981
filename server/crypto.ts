import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

// AES-256-GCM for secrets at rest (SSO client secrets, AWS external ids). The key comes from
// LAMBDAPLANE_ENCRYPTION_KEY (32 bytes, base64 or hex); ciphertext format is "v1:<iv>:<tag>:<data>".
const VERSION = "v1";

function key(): Buffer {
  const raw = process.env.LAMBDAPLANE_ENCRYPTION_KEY;
  if (!raw) throw new Error("LAMBDAPLANE_ENCRYPTION_KEY is not set; secrets cannot be encrypted or read.");
  const buf = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, "hex") : Buffer.from(raw, "base64");
  if (buf.length !== 32) throw new Error("LAMBDAPLANE_ENCRYPTION_KEY must be 32 bytes, as 64 hex characters or base64.");
  return buf;
}

export function encryptSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64"), cipher.getAuthTag().toString("base64"), data.toString("base64")].join(":");
}

export function decryptSecret(sealed: string): string {
  const [version, iv, tag, data] = sealed.split(":");
  if (version !== VERSION || !iv || !tag || data === undefined) throw new Error("Unrecognised secret format.");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64"));
  decipher.setAuthTag(Buffer.from(tag, "base64"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64")), decipher.final()]).toString("utf8");
}

/** Hash for bearer secrets (API tokens, invitation tokens): high-entropy, so no salt or KDF is needed. */
export function sha256Hex(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}
