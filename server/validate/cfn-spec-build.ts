import { loadAwsServiceSpecSync } from "@aws-cdk/aws-service-spec";
// Builds cfn-spec.json (format in cfn-spec-format.ts) from the installed spec database. Used by
// scripts/generate-cfn-spec.ts and the test that keeps the committed file current, never at run time.
import type { CompactProperty, CompactResource, CompactType, CompactTypeDefinition } from "./cfn-spec-format";

interface RawType {
  type: string;
  reference?: { $ref: string };
  element?: RawType;
  types?: RawType[];
}
interface RawProperty {
  required?: boolean;
  type: RawType;
  previousTypes?: RawType[];
}

/** The spec's JSON, one resource type or property type a line so a package upgrade reads as a small diff. */
export function buildCfnSpecData(): string {
  const db = loadAwsServiceSpecSync();
  const ids = new Map<string, string>();
  const pending: string[] = [];
  const type = (t: RawType): CompactType => {
    if (t.type === "ref") {
      const ref = t.reference!.$ref;
      if (!ids.has(ref)) {
        ids.set(ref, String(ids.size));
        pending.push(ref);
      }
      return `#${ids.get(ref)}`;
    }
    if (t.type === "array" || t.type === "map") return [t.type, type(t.element!)];
    if (t.type === "union") return ["union", ...t.types!.map(type)];
    return t.type;
  };
  const properties = (raw: Record<string, RawProperty>) =>
    Object.fromEntries(
      Object.entries(raw).map(([name, p]): [string, CompactProperty] => [name, [p.required ? 1 : 0, type(p.type), ...(p.previousTypes ?? []).map(type)]]),
    );

  const resources: [string, CompactResource][] = db
    .all("resource")
    .sort((a, b) => (a.cloudFormationType < b.cloudFormationType ? -1 : 1))
    .map((r) => {
      const attributes = Object.entries(r.attributes);
      const list = attributes.filter(([, a]) => a.type.type === "array").map(([n]) => n);
      const resource: CompactResource = { p: properties(r.properties as Record<string, RawProperty>) };
      if (attributes.length > 0) resource.a = attributes.map(([n]) => n);
      if (list.length > 0) resource.l = list;
      if (r.isStateful) resource.s = 1;
      return [r.cloudFormationType, resource];
    });
  const types: [string, CompactTypeDefinition][] = [];
  while (pending.length > 0) {
    const ref = pending.shift()!;
    const def = db.get("typeDefinition", ref);
    types.push([ids.get(ref)!, { n: def.name, p: properties(def.properties as Record<string, RawProperty>) }]);
  }
  const lines = (entries: [string, unknown][]) => entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(",\n");
  return `{"resources":{\n${lines(resources)}\n},"types":{\n${lines(types)}\n}}\n`;
}
