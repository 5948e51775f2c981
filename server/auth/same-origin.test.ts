import { describe, expect, it } from "vitest";
import { changesState, fromAppOrigin } from "./same-origin";

describe("same-origin check for route handlers", () => {
  it("applies to state-changing methods only", () => {
    expect(["POST", "PUT", "PATCH", "DELETE", "post"].map(changesState)).toEqual([true, true, true, true, true]);
    expect(["GET", "HEAD", "OPTIONS"].map(changesState)).toEqual([false, false, false]);
  });

  it("accepts the app's own origin, refuses another one, a missing one, an opaque one and garbage", () => {
    const app = "https://lambdaplane.example.com";
    expect(fromAppOrigin("https://lambdaplane.example.com", app)).toBe(true);
    expect(fromAppOrigin("https://evil.example.com", app)).toBe(false);
    expect(fromAppOrigin("https://lambdaplane.example.com.evil.test", app)).toBe(false);
    expect(fromAppOrigin("http://lambdaplane.example.com", app)).toBe(false);
    expect(fromAppOrigin("https://lambdaplane.example.com:8443", app)).toBe(false);
    expect(fromAppOrigin(null, app)).toBe(false);
    expect(fromAppOrigin("null", app)).toBe(false);
    expect(fromAppOrigin("not a url", app)).toBe(false);
  });
});
