// The CLI's client for Lambdaplane's REST API (/api/v1): JSON calls with the bearer token, and the
// deployment's events as Server-Sent Events, reconnecting after a dropped connection.
import { SseParser, type SseMessage } from "./sse";

/** An answer the server gave (or could not give): its message is meant for the person at the terminal. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const RECONNECTS = 5;
const RECONNECT_DELAY_MS = 1000;

export class ApiClient {
  constructor(
    private readonly server: string,
    private readonly token: string,
  ) {}

  private url(path: string): string {
    return new URL(path, this.server.endsWith("/") ? this.server : `${this.server}/`).toString();
  }

  async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    let res: Response;
    try {
      res = await fetch(this.url(path), {
        method,
        headers: { authorization: `Bearer ${this.token}`, accept: "application/json", ...(body === undefined ? {} : { "content-type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (e) {
      throw new ApiError(0, `cannot reach ${this.server}: ${(e as Error & { cause?: Error }).cause?.message ?? (e as Error).message}`);
    }
    const text = await res.text();
    let parsed: Record<string, unknown> = {};
    try {
      parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      throw new ApiError(res.status, `${method} ${path}: the server answered ${res.status} with something that is not JSON; is ${this.server} a Lambdaplane server?`);
    }
    if (!res.ok) throw new ApiError(res.status, typeof parsed.error === "string" ? parsed.error : `${method} ${path} failed with ${res.status}`, parsed);
    return parsed as T;
  }

  /** Calls `onMessage` for every message until the server ends the stream with an "end" event. */
  async stream(path: string, onMessage: (m: SseMessage) => void): Promise<void> {
    let lastEventId: string | undefined;
    for (let attempt = 0; ; attempt++) {
      let ended = false;
      try {
        const res = await fetch(this.url(path), {
          headers: { authorization: `Bearer ${this.token}`, accept: "text/event-stream", ...(lastEventId ? { "last-event-id": lastEventId } : {}) },
        });
        if (!res.ok || !res.body) {
          const body = (await res.json().catch(() => ({}))) as { error?: string };
          throw new ApiError(res.status, body.error ?? `GET ${path} failed with ${res.status}`);
        }
        const parser = new SseParser();
        const decoder = new TextDecoder();
        const reader = res.body.getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          for (const m of parser.push(decoder.decode(value, { stream: true }))) {
            if (m.id !== undefined) lastEventId = m.id;
            onMessage(m);
            if (m.event === "end") ended = true;
          }
          if (ended) {
            await reader.cancel();
            return;
          }
        }
      } catch (e) {
        // The server's refusals are final; a dropped connection is retried from the last event seen.
        if (e instanceof ApiError || attempt >= RECONNECTS) throw e;
      }
      if (ended) return;
      if (attempt >= RECONNECTS) throw new ApiError(0, `the event stream from ${this.server} kept closing before the deployment ended`);
      await new Promise((r) => setTimeout(r, RECONNECT_DELAY_MS));
    }
  }
}
