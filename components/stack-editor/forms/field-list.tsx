"use client";
import type { Diagnostic } from "@/lib/stack";
import { getIn, type Path } from "../model/paths";
import { fieldError } from "../model/validate";
import { controlPath, FieldControl, type ResourceOption } from "./field-control";
import { isStringMap } from "./entries";
import { ListField } from "./list-field";
import { MapField } from "./map-field";
import type { FieldSpec } from "./spec";

export interface FormContext {
  definition: unknown;
  diagnostics: readonly Diagnostic[];
  resources: readonly ResourceOption[];
  /** Viewers, and the forms while the YAML has errors (the code editors are not reached by a disabled fieldset). */
  readOnly?: boolean;
  onChange: (path: Path, value: unknown) => void;
}

/** The fields of one form, each at base + its key. */
export function FieldList({ specs, base, ctx }: { specs: readonly FieldSpec[]; base: Path; ctx: FormContext }) {
  return (
    <div className="grid grid-cols-1 gap-3">
      {specs.map((spec) => (
        <Field key={spec.key.join(".")} spec={spec} base={base} ctx={ctx} />
      ))}
    </div>
  );
}

function Field({ spec, base, ctx }: { spec: FieldSpec; base: Path; ctx: FormContext }) {
  if (spec.showWhen && !spec.showWhen.values.includes(getIn(ctx.definition, [...base, ...spec.showWhen.key]))) return null;
  const path = [...base, ...spec.key];
  const value = getIn(ctx.definition, path);
  const errorAt = (p: Path) => fieldError(ctx.diagnostics, p);
  // A value of another shape than the form expects (written in the YAML) is edited as JSON, so nothing is lost.
  if (spec.kind === "list" && (value === undefined || Array.isArray(value))) {
    return (
      <ListField spec={spec} path={path} items={(value as unknown[] | undefined) ?? []} error={errorAt(path)} errorAt={errorAt} onChange={ctx.onChange}
        renderItem={(itemPath) => <FieldList specs={spec.itemFields ?? []} base={itemPath} ctx={ctx} />} />
    );
  }
  if (spec.kind === "map" && (value === undefined || isStringMap(value))) {
    return <MapField spec={spec} path={path} value={value} error={errorAt(path)} errorAt={errorAt} onChange={ctx.onChange} />;
  }
  const asJson = spec.kind === "list" || spec.kind === "map" ? { ...spec, kind: "json" as const } : spec;
  return (
    <FieldControl spec={asJson} path={path} value={value} error={errorAt(controlPath(spec, path)) ?? (spec.kind === "variant" ? errorAt(path) : undefined)}
      resources={ctx.resources} readOnly={ctx.readOnly} onChange={ctx.onChange} />
  );
}
