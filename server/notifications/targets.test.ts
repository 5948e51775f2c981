import { describe, expect, it } from "vitest";
import { retryPolicy } from "./queue";
import { urlHint } from "./targets";

describe("urlHint", () => {
  it("keeps the scheme, host and the start of the path, never the secret part of a Slack URL", () => {
    expect(urlHint("https://hooks.slack.com/services/T000/B000/XXXXSECRET")).toBe("https://hooks.slack.com/services/T0…");
    expect(urlHint("http://127.0.0.1:8080/hook")).toBe("http://127.0.0.1:8080/hook");
  });
});

describe("retryPolicy", () => {
  it("retries 10 times with exponential backoff from 10 s, or from the configured delay", () => {
    expect(retryPolicy({})).toEqual({ retryLimit: 10, retryDelay: 10, retryBackoff: true });
    expect(retryPolicy({ LAMBDAPLANE_NOTIFY_RETRY_DELAY_S: "1" }).retryDelay).toBe(1);
    expect(() => retryPolicy({ LAMBDAPLANE_NOTIFY_RETRY_DELAY_S: "0.5" })).toThrow(/LAMBDAPLANE_NOTIFY_RETRY_DELAY_S must be a whole number of seconds/);
  });
});
