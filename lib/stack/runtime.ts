// The runtime a function gets from its entry file when `runtime` is not set.
import { DEFAULT_RUNTIME_BY_LANGUAGE } from "./defaults";
import type { LambdaRuntime } from "./schema";

const LANGUAGE_BY_EXTENSION: Record<string, keyof typeof DEFAULT_RUNTIME_BY_LANGUAGE> = {
  ".ts": "node",
  ".mts": "node",
  ".cts": "node",
  ".js": "node",
  ".mjs": "node",
  ".cjs": "node",
  ".py": "python",
  ".rb": "ruby",
  ".java": "java",
  ".go": "go",
};

/** The default runtime for an entry file's language, or undefined when the extension is not one we build. */
export function detectRuntime(entryfilePath: string): LambdaRuntime | undefined {
  const match = /\.[A-Za-z0-9]+$/.exec(entryfilePath);
  const language = match ? LANGUAGE_BY_EXTENSION[match[0].toLowerCase()] : undefined;
  return language ? DEFAULT_RUNTIME_BY_LANGUAGE[language] : undefined;
}
