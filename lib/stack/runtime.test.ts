import { describe, expect, it } from "vitest";
import { detectRuntime } from "./runtime";

describe("detectRuntime", () => {
  it.each([
    ["src/handler.ts", "nodejs22.x"],
    ["a.js", "nodejs22.x"],
    ["a.mjs", "nodejs22.x"],
    ["a.cjs", "nodejs22.x"],
    ["lambda/main.py", "python3.13"],
    ["app.rb", "ruby3.4"],
    ["Main.java", "java21"],
    ["main.go", "provided.al2023"],
    ["HANDLER.TS", "nodejs22.x"],
  ])("%s -> %s", (file, runtime) => expect(detectRuntime(file)).toBe(runtime));

  it("returns undefined for extensions it cannot build", () => {
    expect(detectRuntime("Program.cs")).toBeUndefined();
    expect(detectRuntime("Makefile")).toBeUndefined();
    expect(detectRuntime("a.constructor")).toBeUndefined();
  });
});
