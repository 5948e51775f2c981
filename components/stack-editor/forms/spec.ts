// Forms as data: each field names the path it edits, how to edit it, its default and its help text
// (from the Stacktape seeds 000/001). One generic renderer (field-control.tsx) draws them all.
import type { FunctionEvent, FunctionEventType } from "@/lib/stack";

export type FieldKind =
  | "text"
  | "number"
  | "select"
  | "boolean"
  /** Any JSON value, edited as JSON text. */
  | "json"
  /** A list of strings, one per line. */
  | "lines"
  /** A resource of the stack, by name. */
  | "resource"
  /** An ARN-valued destination: a resource picked from the stack, stored as its directive. */
  | "target";

export interface FieldSpec {
  /** Path below the object the form edits (an event's or a resource's `properties`). */
  key: readonly string[];
  label: string;
  kind: FieldKind;
  options?: readonly string[];
  /** For "resource" and "target": the resource kinds offered. */
  resourceKinds?: readonly string[];
  /** Shown as the placeholder and in the hint: what applies when the field is left empty. */
  defaultValue?: string | number | boolean;
  help?: string;
  required?: boolean;
}

export interface TriggerSpec<T extends FunctionEventType = FunctionEventType> {
  type: T;
  label: string;
  /** From the seed's section on this event type. */
  help: string;
  fields: readonly FieldSpec[];
  /** A new trigger of this type with its required fields filled in (or left for the user, reported until set). */
  create(): Extract<FunctionEvent, { type: T }>;
}
