// Seed 000, EventInputTransformer API reference (schedule and event-bus triggers).
import type { FieldSpec } from "../spec";

/** EventInputTransformer: named parts of the event (JSONPaths), put into a template as <name>. */
export const inputTransformerFields: readonly FieldSpec[] = [
  { key: ["inputTransformer", "inputPathsMap"], label: "Input transformer: paths", kind: "map", itemLabel: "Path", help: "Each name (letters, digits, _ and -) takes the part of the event at its JSONPath, e.g. detail: $.detail." },
  { key: ["inputTransformer", "inputTemplate"], label: "Input transformer: template", kind: "multiline", help: 'The payload passed to the function, with <name> for each path, e.g. {"state": <state>}. Required with paths.' },
];
