import { describe, expect, it } from "vitest";
import { detectRuntime } from "./runtime";

describe("detectRuntime", () => {
  it.each([
    ["src/handler.ts", "nodejs24.x"],
    ["a.js", "nodejs24.x"],
    ["a.mjs", "nodejs24.x"],
    ["a.cjs", "nodejs24.x"],
    ["lambda/main.py", "python3.14"],
    ["app.rb", "ruby3.4"],
    ["Main.java", "java21"],
    ["main.go", "provided.al2023"],
    ["HANDLER.TS", "nodejs24.x"],
  ])("%s -> %s", (file, runtime) => expect(detectRuntime(file)).toBe(runtime));

  it("returns undefined for extensions it cannot build", () => {
    expect(detectRuntime("Program.cs")).toBeUndefined();
    expect(detectRuntime("Makefile")).toBeUndefined();
    expect(detectRuntime("a.constructor")).toBeUndefined();
  });
});
