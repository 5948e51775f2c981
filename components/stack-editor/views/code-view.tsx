"use client";
import type { StackDefinition } from "@/lib/stack";
import type { CodeMap } from "../model/doc";
import { LazyCodeMirror } from "./lazy";
import type { CodeLanguage } from "./code-mirror";

export function languageOfFile(file: string): CodeLanguage {
  if (/\.(ts|tsx|mts|cts)$/.test(file)) return "typescript";
  if (/\.(js|jsx|mjs|cjs)$/.test(file)) return "javascript";
  if (/\.py$/.test(file)) return "python";
  return "text";
}

/** Handler files of the functions built from an entry file, by function. */
export function handlerFiles(definition: StackDefinition): { fn: string; file: string }[] {
  return Object.entries(definition.resources).flatMap(([fn, r]) =>
    (r.type === "function" || r.type === "edge-lambda-function") && r.properties.packaging.type === "stacktape-lambda-buildpack"
      ? [{ fn, file: r.properties.packaging.properties.entryfilePath }]
      : [],
  );
}

/** One code editor per function's handler file; the code is saved with the revision. */
export function CodeView({ definition, code, fn, onSelect, onChange }: {
  definition: StackDefinition;
  code: CodeMap;
  fn: string | null;
  onSelect: (fn: string) => void;
  onChange: (file: string, source: string) => void;
}) {
  const files = handlerFiles(definition);
  const current = files.find((f) => f.fn === fn) ?? files[0];
  if (!current) return <p className="text-sm text-slate-600">No function is built from an entry file yet: add a function from the palette.</p>;
  return (
    <div className="flex h-full flex-col gap-2">
      <div className="flex items-center gap-2">
        <label htmlFor="code-function" className="text-sm font-medium">
          Handler of
        </label>
        <select id="code-function" className="rounded-md border border-slate-300 px-2 py-1 text-sm" value={current.fn} onChange={(e) => onSelect(e.target.value)}>
          {files.map((f) => (
            <option key={f.fn} value={f.fn}>
              {f.fn} ({f.file})
            </option>
          ))}
        </select>
        <span className="text-xs text-slate-500">{languageOfFile(current.file)}</span>
      </div>
      <div className="min-h-0 flex-1">
        <LazyCodeMirror
          key={current.file}
          value={code[current.file] ?? ""}
          onChange={(source) => onChange(current.file, source)}
          language={languageOfFile(current.file)}
          label={`Handler code of ${current.fn} (${current.file})`}
        />
      </div>
    </div>
  );
}
