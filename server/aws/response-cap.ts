import "server-only";
import { Readable, Transform } from "node:stream";
import { OutboundError } from "@/server/net/outbound";

// Answers of an endpoint override (an emulator the tenant named) are read under a size cap, as
// every other user-supplied endpoint's are: AWS's own endpoints are trusted to answer within the
// service's documented sizes, a tenant's endpoint is not. Event streams (StartLiveTail) are
// exempt: they are long by design and their decoder bounds each message.

/** Above every AWS API answer Lambdaplane reads (a 1 MB log page or template is the largest). */
export const AWS_OVERRIDE_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

interface RawResponse {
  headers?: Record<string, string | undefined>;
  body?: unknown;
}

type Next = (args: unknown) => Promise<{ response: unknown }>;

/** Any SDK v3 client: each types its stack by its own commands, so the middleware is passed untyped. */
interface Stackable {
  middlewareStack: { add(middleware: never, options: never): void };
}

function capped(body: Readable, maxBytes: number): Readable {
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      callback(size > maxBytes ? new OutboundError("too_large") : null, chunk);
    },
  });
  body.on("error", (error) => counter.destroy(error));
  counter.on("close", () => body.destroy());
  return body.pipe(counter);
}

/** Caps each raw answer before the SDK reads it; a no-op for AWS's own endpoints. */
export function capOverrideResponses<C extends Stackable>(client: C, endpoint: string | null, maxBytes = AWS_OVERRIDE_MAX_RESPONSE_BYTES): C {
  if (!endpoint) return client;
  const cap =
    (next: Next): Next =>
    async (args) => {
      const out = await next(args);
      const response = out.response as RawResponse;
      const type = response.headers?.["content-type"] ?? "";
      if (type.startsWith("application/vnd.amazon.eventstream")) return out;
      if (Number(response.headers?.["content-length"]) > maxBytes) {
        if (response.body instanceof Readable) response.body.destroy();
        throw new OutboundError("too_large");
      }
      if (response.body instanceof Readable) response.body = capped(response.body, maxBytes);
      return out;
    };
  // Innermost in the deserialize step: sees the raw answer before the deserializer reads it.
  client.middlewareStack.add(cap as never, { step: "deserialize", priority: "low", name: "lambdaplaneOverrideResponseCap" } as never);
  return client;
}
