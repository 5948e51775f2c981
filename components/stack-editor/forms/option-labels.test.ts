import { describe, expect, it } from "vitest";
import { STACK_RESOURCE_TYPES } from "@/lib/stack/schema/stack";
import { optionLabel } from "./field-presentation";
import { RAW_SECTIONS, sectionsOf } from "./inspector-sections";
import { PACKAGING_FIELDS } from "./packaging-fields";
import type { FieldSpec } from "./spec";
import { TRIGGERS } from "./triggers";

const all = (specs: readonly FieldSpec[]): FieldSpec[] => specs.flatMap((spec) => [spec, ...all(spec.itemFields ?? [])]);
const everyField = [
  ...STACK_RESOURCE_TYPES.flatMap((type) => sectionsOf(type).flatMap((s) => all(s.fields))),
  ...all(RAW_SECTIONS.flatMap((s) => s.fields)),
  ...Object.values(TRIGGERS).flatMap((t) => all(t.fields)),
];

describe("option labels", () => {
  it.each(everyField.filter((f) => f.kind === "variant").map((f) => [f.label, f] as const))("the %s variant shows words for every option", (_label, spec) => {
    for (const option of spec.options ?? []) expect(optionLabel(spec, option)).not.toBe(option);
  });

  it("shows the packaging types as words, and a value without a label as itself", () => {
    const packaging = PACKAGING_FIELDS[0];
    expect(packaging.options!.map((o) => optionLabel(packaging, o))).toEqual(["Build from an entry file", "Zip in S3", "Container image"]);
    expect(optionLabel(packaging, "docker-build")).toBe("docker-build");
    expect(optionLabel(packaging, "constructor")).toBe("constructor");
  });
});
