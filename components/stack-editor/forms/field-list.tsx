"use client";
import type { Diagnostic } from "@/lib/stack";
import { getIn, type Path } from "../model/paths";
import { fieldError } from "../model/validate";
import { FieldControl, type ResourceOption } from "./field-control";
import type { FieldSpec } from "./spec";

export interface FormContext {
  definition: unknown;
  diagnostics: readonly Diagnostic[];
  resources: readonly ResourceOption[];
  onChange: (path: Path, value: unknown) => void;
}

/** The fields of one form, each at base + its key. */
export function FieldList({ specs, base, ctx }: { specs: readonly FieldSpec[]; base: Path; ctx: FormContext }) {
  return (
    <div className="grid grid-cols-1 gap-3">
      {specs.map((spec) => {
        const path = [...base, ...spec.key];
        return (
          <FieldControl
            key={path.join(".")}
            spec={spec}
            path={path}
            value={getIn(ctx.definition, path)}
            error={fieldError(ctx.diagnostics, path)}
            resources={ctx.resources}
            onChange={ctx.onChange}
          />
        );
      })}
    </div>
  );
}
