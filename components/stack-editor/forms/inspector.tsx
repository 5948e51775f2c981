"use client";
import type { Diagnostic, StackDefinition } from "@/lib/stack";
import { Button } from "@/components/ui/button";
import type { Path } from "../model/paths";
import { fieldError } from "../model/validate";
import { AccessEditor } from "./access-editor";
import { EnvironmentEditor } from "./environment-editor";
import type { ResourceOption } from "./field-control";
import { FieldList, type FormContext } from "./field-list";
import { RenameField } from "./rename-field";
import { DESTINATION_FIELDS, EDGE_FUNCTION_FIELDS, FUNCTION_FIELDS } from "./function-fields";
import { RAW_RESOURCE_FIELDS, RESOURCE_FIELDS } from "./resource-fields";
import { TriggersEditor } from "./triggers-editor";

export interface InspectorProps {
  definition: StackDefinition;
  selected: string | null;
  diagnostics: readonly Diagnostic[];
  resources: readonly ResourceOption[];
  /** Whether edits are refused (a viewer, or YAML with errors); the fieldset around the forms disables the rest. */
  readOnly?: boolean;
  onChange: (path: Path, value: unknown) => void;
  onRemove: (name: string) => void;
  onRename: (from: string, to: string) => void;
  onOpenCode: (name: string) => void;
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="flex flex-col gap-2 border-t border-slate-200 pt-3">
      <h3 className="text-sm font-semibold">{title}</h3>
      {children}
    </section>
  );
}

/** The forms for the selected resource: every property the model supports. */
export function Inspector({ definition, selected, diagnostics, resources, readOnly, onChange, onRemove, onRename, onOpenCode }: InspectorProps) {
  if (!selected) return <p className="text-sm text-slate-600">Select a resource on the canvas or in the list to edit it, or add one from the palette.</p>;
  const ctx: FormContext = { definition, diagnostics, resources, readOnly, onChange };
  const resource = Object.hasOwn(definition.resources, selected) ? definition.resources[selected] : undefined;
  const raw = !resource && definition.cloudformationResources && Object.hasOwn(definition.cloudformationResources, selected) ? definition.cloudformationResources[selected] : undefined;
  if (!resource && !raw) return <p className="text-sm text-slate-600">{selected} is no longer in the stack.</p>;
  const base = resource ? ["resources", selected, "properties"] : ["cloudformationResources", selected];
  const problem = fieldError(diagnostics, base) ?? fieldError(diagnostics, base.slice(0, 2));

  return (
    <div className="flex flex-col gap-3" aria-label={`Settings of ${selected}`} role="region">
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-base font-semibold">
          {selected} <span className="text-xs font-normal text-slate-500">{resource ? resource.type : raw!.Type}</span>
        </h2>
        <Button variant="danger" onClick={() => onRemove(selected)} aria-label={`Delete resource ${selected}`}>
          Delete
        </Button>
      </div>
      {problem ? <p className="text-xs text-red-700">{problem}</p> : null}
      <RenameField definition={definition} name={selected} onRename={onRename} />
      {resource?.type === "function" ? (
        <>
          <FieldList specs={FUNCTION_FIELDS} base={base} ctx={ctx} />
          {resource.properties.packaging.type === "stacktape-lambda-buildpack" ? (
            <Button variant="secondary" className="self-start" onClick={() => onOpenCode(selected)}>
              Edit handler code
            </Button>
          ) : null}
          <Section title="Destinations">
            <FieldList specs={DESTINATION_FIELDS} base={base} ctx={ctx} />
          </Section>
          <div className="border-t border-slate-200 pt-3">
            <TriggersEditor fn={selected} events={resource.properties.events ?? []} ctx={ctx} />
          </div>
          <div className="border-t border-slate-200 pt-3">
            <EnvironmentEditor fn={selected} vars={resource.properties.environment ?? []} definition={definition} ctx={ctx} />
          </div>
          <div className="border-t border-slate-200 pt-3">
            <AccessEditor fn={selected} granted={resource.properties.accessControl?.allowAccessTo ?? []} definition={definition} ctx={ctx} />
          </div>
        </>
      ) : resource?.type === "edge-lambda-function" ? (
        <>
          <FieldList specs={EDGE_FUNCTION_FIELDS} base={base} ctx={ctx} />
          <Button variant="secondary" className="self-start" onClick={() => onOpenCode(selected)}>
            Edit handler code
          </Button>
        </>
      ) : resource ? (
        <FieldList specs={RESOURCE_FIELDS[resource.type] ?? []} base={base} ctx={ctx} />
      ) : (
        <FieldList specs={RAW_RESOURCE_FIELDS} base={base} ctx={ctx} />
      )}
    </div>
  );
}
