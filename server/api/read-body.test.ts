import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ActionError } from "@/server/auth/errors";
import { readJson } from "./api-route";
import { BODY_LIMITS } from "./read-body";

const schema = z.object({ yaml: z.string() });
const bigJson = (bytes: number) => JSON.stringify({ yaml: "x".repeat(bytes) });

/** A chunked body (no Content-Length) that counts how many bytes the reader pulled. */
function streamedRequest(totalBytes: number, chunkBytes = 64 * 1024) {
  let pulled = 0;
  const chunk = new TextEncoder().encode("x".repeat(chunkBytes));
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= totalBytes) return controller.close();
      pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  const req = new Request("http://test/api", { method: "PUT", body, duplex: "half" } as RequestInit);
  return { req, pulled: () => pulled };
}

async function refusal(promise: Promise<unknown>): Promise<ActionError> {
  const e = await promise.then(() => null, (error: unknown) => error);
  expect(e).toBeInstanceOf(ActionError);
  return e as ActionError;
}

describe("readJson (REST bodies)", () => {
  it("reads a JSON body within the limit", async () => {
    const req = new Request("http://test/api", { method: "PUT", body: JSON.stringify({ yaml: "resources: {}" }) });
    expect(await readJson(req, schema)).toEqual({ yaml: "resources: {}" });
  });

  it("refuses a 20 MB body with 413 naming the limit, from its Content-Length", async () => {
    const req = new Request("http://test/api", { method: "PUT", body: bigJson(20 * 1024 * 1024), headers: { "content-length": String(20 * 1024 * 1024 + 11) } });
    const e = await refusal(readJson(req, schema));
    expect(e.status).toBe(413);
    expect(e.message).toBe("The request body is larger than this endpoint's limit of 8 MB.");
  });

  it("stops reading a chunked body as soon as it passes the limit", async () => {
    const { req, pulled } = streamedRequest(20 * 1024 * 1024);
    const e = await refusal(readJson(req, schema));
    expect(e.status).toBe(413);
    expect(pulled()).toBeLessThan(BODY_LIMITS.restJson + 3 * 64 * 1024);
  });

  it("answers 400 for a body that is not JSON", async () => {
    const e = await refusal(readJson(new Request("http://test/api", { method: "PUT", body: "{" }), schema));
    expect(e.status).toBe(400);
    expect(e.message).toBe("The request body must be JSON.");
  });
});
