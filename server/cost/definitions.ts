import "server-only";
import { analyzeStack, type StackDefinition } from "@/lib/stack";

/** A stored revision's definition, parsed from its YAML (the text is the source of truth). */
export function revisionDefinition(yaml: string): StackDefinition | null {
  return analyzeStack(yaml).definition ?? null;
}
