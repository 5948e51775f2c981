import "server-only";
import { ActionError } from "@/server/auth/errors";
import { PAYLOAD_LIMIT_BYTES } from "@/lib/invoke/payload";

// Every route body is read through readBodyText with a byte cap: a body over it is refused with
// 413 from its Content-Length before a byte is read, or, when it has none (chunked), as soon as
// the bytes read pass the cap. Nothing larger than the cap is ever held in memory or parsed.

const MiB = 1024 * 1024;

export const BODY_LIMITS = {
  /** REST JSON bodies (a stack's YAML and handler code): the same cap as server actions (next.config.js). */
  restJson: 8 * MiB,
  /** A test invocation: a 6 MB payload sent as a JSON string may double in size from escaping. */
  invoke: 2 * PAYLOAD_LIMIT_BYTES.RequestResponse + 64 * 1024,
} as const;

export const formatBytes = (bytes: number) => (bytes % MiB === 0 ? `${bytes / MiB} MB` : `${Math.round(bytes / 1024).toLocaleString("en")} KB`);

const tooLarge = (limit: number) => new ActionError(413, `The request body is larger than this endpoint's limit of ${formatBytes(limit)}.`);

/** The body as text, at most `limit` bytes; ActionError 413 naming the limit otherwise. */
export async function readBodyText(req: Request, limit: number): Promise<string> {
  const declared = Number(req.headers.get("content-length"));
  if (declared > limit) throw tooLarge(limit);
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The body parsed as JSON, within `limit`; 413 when larger, 400 when it is not JSON. */
export async function readJsonBody(req: Request, limit: number): Promise<unknown> {
  const text = await readBodyText(req, limit);
  try {
    return JSON.parse(text);
  } catch {
    throw new ActionError(400, "The request body must be JSON.");
  }
}
