import { describe, expect, it } from "vitest";
import { retryAtOf, signInErrorMessage } from "./sign-in-errors";

describe("signInErrorMessage for a rate-limited sign-in", () => {
  it("says in how many seconds to try again", () => {
    expect(signInErrorMessage("RateLimited", 1_000_000 + 42_300, 1_000_000)).toBe("Too many sign-in attempts from your network. Try again in 43 seconds.");
  });

  it("never says zero or a negative wait", () => {
    expect(signInErrorMessage("RateLimited", 1_000_000, 1_000_500)).toMatch(/Try again in 1 second\.$/);
  });

  it("without a retry time still says to wait", () => {
    expect(signInErrorMessage("RateLimited", Number(undefined))).toMatch(/Wait a minute, then try again\.$/);
  });

  it("leaves other errors as they were", () => {
    expect(signInErrorMessage("AccessDenied", 5)).toBe("Access was denied.");
  });
});

describe("retryAtOf", () => {
  it("reads the retry time from the sign-in page URL of a rate-limited answer", () => {
    expect(retryAtOf("http://localhost:3000/signin?error=RateLimited&retryAt=1700000000000")).toBe(1_700_000_000_000);
    expect(retryAtOf("/signin?error=RateLimited&retryAt=1700000000000")).toBe(1_700_000_000_000);
  });
  it("has none when the URL carries none or garbage", () => {
    expect(retryAtOf(null)).toBeUndefined();
    expect(retryAtOf("/signin?error=RateLimited")).toBeUndefined();
    expect(retryAtOf("/signin?retryAt=soon")).toBeUndefined();
  });
});
