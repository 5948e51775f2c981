// Forms as data: each field names the path it edits, how to edit it, its default and its help text
// (from the Stacktape seeds 000/001). One generic renderer (field-list.tsx and the controls it uses) draws them all.
import type { FunctionEvent, FunctionEventType } from "@/lib/stack";

export type FieldKind =
  | "text"
  /** A string that may span lines (an input template). */
  | "multiline"
  | "number"
  | "select"
  | "boolean"
  /** Any JSON value, edited as JSON in a small code editor: for what is truly free-form. */
  | "json"
  /** A list of strings, one per line. */
  | "lines"
  /** A resource of the stack, by name. */
  | "resource"
  /** An ARN-valued destination: a resource picked from the stack, stored as its directive. */
  | "target"
  /** A resource of the stack that fills the object at `key` (`fill`); its parts stay editable as their own fields. */
  | "pick"
  /** The `type` of a tagged object at `key`: choosing one replaces the object with `create(type)`, keeping the values it shares with the old one (variant.ts). */
  | "variant"
  /** A list of objects, each drawn from `itemFields`; add, remove and reorder. */
  | "list"
  /** A string-to-string mapping, one name and value per row. */
  | "map";

export interface ResourceOption {
  name: string;
  kind: string;
}

export interface FieldSpec {
  /** Path below the object the form edits (an event's or a resource's `properties`). */
  key: readonly string[];
  label: string;
  kind: FieldKind;
  options?: readonly string[];
  /** "select" and "variant": words shown for options, the YAML value beside them (every variant field has them). */
  optionLabels?: Readonly<Record<string, string>>;
  /** For "resource", "target" and "pick": the resource kinds offered. */
  resourceKinds?: readonly string[];
  /** Shown as the placeholder and in the hint: what applies when the field is left empty. */
  defaultValue?: string | number | boolean;
  help?: string;
  /** Required fields keep an emptied value ("" or []) so the validator names them instead of the setting vanishing. */
  required?: boolean;
  /** "list": the fields of one item, at keys below the item. */
  itemFields?: readonly FieldSpec[];
  /** "list" and "map": what one entry is called, e.g. "Statement" (shown as "Statement 1"). */
  itemLabel?: string;
  /** "list": a new item (required parts left for the user, reported until set); "variant": the object of a type. */
  create?: (choice: string) => unknown;
  /** "pick": the value this resource stands for at `key`, or undefined when it cannot be the target. */
  fill?: (option: ResourceOption) => unknown;
  /** Shown only while the value at this key (below the same base) is one of `values`. */
  showWhen?: { key: readonly string[]; values: readonly unknown[] };
  /** How a set value reads in its collapsed section's header, e.g. "1024 MB"; else by kind (section-summary.ts). */
  summary?: (value: unknown) => string;
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
