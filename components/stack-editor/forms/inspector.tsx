"use client";
import { useCallback, useEffect, useState } from "react";
import type { Diagnostic, StackDefinition } from "@/lib/stack";
import { Button } from "@/components/ui/button";
import { getIn, type Path } from "../model/paths";
import { fieldError } from "../model/validate";
import { AccessEditor } from "./access-editor";
import { EnvironmentEditor } from "./environment-editor";
import type { ResourceOption } from "./field-control";
import { FieldList, type FormContext } from "./field-list";
import { isOpen, loadChoices, saveChoices, withChoice, type SectionChoices } from "./collapsed-sections";
import { CollapsibleSection } from "./collapsible-section";
import { RAW_SECTIONS, sectionsOf, type SectionEditor } from "./inspector-sections";
import { RenameField } from "./rename-field";
import { sectionErrors, sectionSummary } from "./section-summary";
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

/** The forms for the selected resource: every property the model supports. */
export function Inspector({ definition, selected, diagnostics, resources, readOnly, onChange, onRemove, onRename, onOpenCode }: InspectorProps) {
  // By title, so a section opened for one resource stays open for the next one selected (the editor
  // renders in the browser only, so storage is there on the first render).
  const [choices, setChoices] = useState<SectionChoices>(() => loadChoices(localStorage));
  useEffect(() => saveChoices(localStorage, choices), [choices]);
  const setOpen = useCallback((title: string, open: boolean) => setChoices((before) => withChoice(before, title, open)), []);
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
      {(resource ? sectionsOf(resource.type) : RAW_SECTIONS).map((section, index) => {
        const at = section.base === "properties" ? base : base.slice(0, 2);
        return (
          <CollapsibleSection key={section.title} title={section.title} open={isOpen(choices, section.title, index === 0)} onOpenChange={(open) => setOpen(section.title, open)}
            summary={sectionSummary(section, getIn(definition, at))} errors={sectionErrors(section, at, diagnostics)}>
            {section.fields.length ? <FieldList specs={section.fields} base={at} ctx={ctx} /> : null}
            {section.editors?.map((editor) => <Editor key={editor} editor={editor} name={selected} definition={definition} ctx={ctx} onOpenCode={onOpenCode} />)}
          </CollapsibleSection>
        );
      })}
    </div>
  );
}

function Editor({ editor, name, definition, ctx, onOpenCode }: { editor: SectionEditor; name: string; definition: StackDefinition; ctx: FormContext; onOpenCode: (name: string) => void }) {
  const resource = definition.resources[name];
  if (editor === "handler-code") {
    // Only an entry file has code to edit here; an artifact or an image is built elsewhere.
    if (resource.type !== "function" && resource.type !== "edge-lambda-function") return null;
    if (resource.properties.packaging.type !== "stacktape-lambda-buildpack") return null;
    return (
      <Button variant="secondary" className="self-start" onClick={() => onOpenCode(name)}>
        Edit handler code
      </Button>
    );
  }
  if (resource.type !== "function") return null;
  if (editor === "triggers") return <TriggersEditor fn={name} events={resource.properties.events ?? []} ctx={ctx} />;
  if (editor === "environment") return <EnvironmentEditor fn={name} vars={resource.properties.environment ?? []} definition={definition} ctx={ctx} />;
  return <AccessEditor fn={name} granted={resource.properties.accessControl?.allowAccessTo ?? []} definition={definition} ctx={ctx} />;
}
