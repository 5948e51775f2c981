"use client";
// One form control per FieldSpec: label, the value at its path, its default and help, and the error the
// validator reports at that path, tied together for screen readers.
import { useState, type ReactNode } from "react";
import type { Path } from "../model/paths";
import { fieldId } from "../model/validate";
import type { FieldSpec } from "./spec";

export interface ResourceOption {
  name: string;
  kind: string;
}

export interface FieldControlProps {
  spec: FieldSpec;
  path: Path;
  value: unknown;
  error?: string;
  resources: readonly ResourceOption[];
  onChange: (path: Path, value: unknown) => void;
}

const inputClass = (error?: string) => `w-full rounded-md border px-2 py-1 text-sm shadow-sm ${error ? "border-red-500" : "border-slate-300"}`;

/** The directive a "target" field stores for a resource of this kind. */
export function targetDirective(option: ResourceOption): string | undefined {
  switch (option.kind) {
    case "function":
    case "event-bus":
      return `$ResourceParam('${option.name}', 'arn')`;
    case "queue":
    case "stream":
      return `$CfResourceParam('${option.name}', 'Arn')`;
    case "topic":
      return `$CfResourceParam('${option.name}', 'TopicArn')`;
    default:
      return undefined;
  }
}

function hintOf(spec: FieldSpec): string | undefined {
  const parts = [spec.required ? "Required." : undefined, spec.defaultValue !== undefined ? `Default: ${String(spec.defaultValue)}.` : undefined, spec.help];
  const text = parts.filter(Boolean).join(" ");
  return text || undefined;
}

export function FieldControl({ spec, path, value, error, resources, onChange }: FieldControlProps) {
  const id = fieldId(path);
  const hint = hintOf(spec);
  const shownError = error;
  const describedBy = [shownError ? `${id}-error` : undefined, hint ? `${id}-hint` : undefined].filter(Boolean).join(" ") || undefined;
  const common = { id, "aria-invalid": shownError ? true : undefined, "aria-describedby": describedBy };
  const set = (v: unknown) => onChange(path, v);

  let control: ReactNode;
  switch (spec.kind) {
    case "text":
      control = (
        <input {...common} type="text" className={inputClass(shownError)} value={typeof value === "string" ? value : value === undefined ? "" : String(value)}
          placeholder={spec.defaultValue !== undefined ? String(spec.defaultValue) : undefined}
          onChange={(e) => set(e.target.value === "" && !spec.required ? undefined : e.target.value)} />
      );
      break;
    case "number":
      control = (
        <input {...common} type="number" className={inputClass(shownError)} value={typeof value === "number" || typeof value === "string" ? String(value) : ""}
          placeholder={spec.defaultValue !== undefined ? String(spec.defaultValue) : undefined}
          onChange={(e) => set(e.target.value === "" ? undefined : Number(e.target.value))} />
      );
      break;
    case "boolean":
      control = (
        <select {...common} className={inputClass(shownError)} value={value === true ? "true" : value === false ? "false" : ""}
          onChange={(e) => set(e.target.value === "" ? undefined : e.target.value === "true")}>
          <option value="">{spec.defaultValue !== undefined ? `Default (${spec.defaultValue ? "yes" : "no"})` : "Not set"}</option>
          <option value="true">Yes</option>
          <option value="false">No</option>
        </select>
      );
      break;
    case "select": {
      const options = spec.options ?? [];
      const current = value === undefined ? "" : String(value);
      const numeric = options.length > 0 && options.every((o) => /^\d+$/.test(o));
      control = (
        <select {...common} className={inputClass(shownError)} value={current} onChange={(e) => set(e.target.value === "" ? undefined : numeric ? Number(e.target.value) : e.target.value)}>
          <option value="">{spec.defaultValue !== undefined ? `Default (${String(spec.defaultValue)})` : spec.required ? "Choose…" : "Not set"}</option>
          {current !== "" && !options.includes(current) ? <option value={current}>{current}</option> : null}
          {options.map((o) => (
            <option key={o} value={o}>{o}</option>
          ))}
        </select>
      );
      break;
    }
    case "resource":
    case "target": {
      const offered = resources.filter((r) => spec.resourceKinds?.includes(r.kind));
      const entries = offered.flatMap((r) => {
        const v = spec.kind === "resource" ? r.name : targetDirective(r);
        return v ? [{ value: v, label: `${r.name} (${r.kind})` }] : [];
      });
      const current = typeof value === "string" ? value : "";
      control = (
        <select {...common} className={inputClass(shownError)} value={current} onChange={(e) => set(e.target.value === "" ? (spec.required ? "" : undefined) : e.target.value)}>
          <option value="">{offered.length ? "Not set" : `No ${spec.resourceKinds?.join(" or ")} in this stack`}</option>
          {current !== "" && !entries.some((e) => e.value === current) ? <option value={current}>{current}</option> : null}
          {entries.map((e) => (
            <option key={e.value} value={e.value}>{e.label}</option>
          ))}
        </select>
      );
      break;
    }
    case "json":
    case "lines": {
      // A list holding more than strings (an event pattern's {"prefix": ...} filter) is edited as JSON, so nothing is flattened.
      const kind = spec.kind === "lines" && Array.isArray(value) && value.some((v) => typeof v !== "string") ? "json" : spec.kind;
      control = (
        <DraftTextarea key={kind} id={id} describedBy={describedBy} error={shownError} value={value} kind={kind} onValue={set} />
      );
      break;
    }
  }

  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-slate-700">
        {spec.label}
      </label>
      {control}
      {shownError ? (
        <p id={`${id}-error`} className="text-xs text-red-700">
          {shownError}
        </p>
      ) : null}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

function format(kind: "json" | "lines", value: unknown): string {
  if (value === undefined) return "";
  if (kind === "lines") return Array.isArray(value) ? value.map(String).join("\n") : String(value);
  return JSON.stringify(value, null, 2);
}

function parse(kind: "json" | "lines", text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  if (text.trim() === "") return { ok: true, value: undefined };
  if (kind === "lines") return { ok: true, value: text.split("\n").map((l) => l.trim()).filter(Boolean) };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, message: `not valid JSON: ${(e as Error).message}` };
  }
}

/** Keeps the typed text while it does not parse (nothing typed is lost); applies it when it does. */
function DraftTextarea({ id, describedBy, error, value, kind, onValue }: {
  id: string;
  describedBy?: string;
  error?: string;
  value: unknown;
  kind: "json" | "lines";
  onValue: (v: unknown) => void;
}) {
  const [text, setText] = useState(() => format(kind, value));
  const [shown, setShown] = useState(value);
  const [problem, setProblem] = useState<string | undefined>();
  // Undo, redo or a YAML edit changed the value underneath: show it (adjusting state during render, not in an effect).
  if (value !== shown) {
    setShown(value);
    const parsed = parse(kind, text);
    if (!parsed.ok || JSON.stringify(parsed.value) !== JSON.stringify(value)) {
      setText(format(kind, value));
      setProblem(undefined);
    }
  }
  const problemId = `${id}-draft-error`;
  return (
    <>
      <textarea
        id={id}
        aria-invalid={problem || error ? true : undefined}
        aria-describedby={[problem ? problemId : undefined, describedBy].filter(Boolean).join(" ") || undefined}
        rows={kind === "json" ? 3 : 2}
        spellCheck={false}
        className={`${inputClass(problem ?? error)} font-mono`}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          const parsed = parse(kind, e.target.value);
          setProblem(parsed.ok ? undefined : parsed.message);
          if (parsed.ok) {
            setShown(parsed.value);
            onValue(parsed.value);
          }
        }}
      />
      {problem ? (
        <p id={problemId} className="text-xs text-red-700">
          {problem}
        </p>
      ) : null}
    </>
  );
}
