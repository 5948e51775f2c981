// Definition -> YAML. Printing then parsing gives back a deep-equal definition (see print.test.ts).
import { stringify } from "yaml";
import type { StackDefinition } from "./schema";

export function printStack(definition: StackDefinition): string {
  return stringify(definition, {
    // Shared sub-objects are written out in full: anchors and aliases would surprise people reading the YAML.
    aliasDuplicateObjects: false,
    // No line folding: long directive strings and ARNs stay on one line.
    lineWidth: 0,
  });
}
