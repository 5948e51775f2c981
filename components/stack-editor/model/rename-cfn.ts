// Renaming inside raw CloudFormation (cloudformationResources, and resources' `overrides`): the
// places CloudFormation names a logical id — Ref, Fn::GetAtt (array or "Id.Attr"), ${Id} and
// ${Id.Attr} in Fn::Sub, DependsOn — follow a rename. Only whole ids change, never a longer id that
// merely starts with the old one, and never plain strings that happen to equal an id. Pure.

/** The new logical id for `id`, or undefined when the rename does not touch it. */
export type LogicalIdMap = (id: string) => string | undefined;

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => v !== null && typeof v === "object" && !Array.isArray(v);
const mapped = (map: LogicalIdMap, id: string) => map(id) ?? id;

/** `${Id}` / `${Id.Attr}` in a Fn::Sub template; `${!Literal}` is text, and names in `variables` are not ids. */
function renameInSubTemplate(template: string, map: LogicalIdMap, variables: ReadonlySet<string>): string {
  return template.replace(/\$\{([^!}][^}]*)\}/g, (whole, inner: string) => {
    const dot = inner.indexOf(".");
    const id = dot === -1 ? inner : inner.slice(0, dot);
    if (variables.has(id)) return whole;
    const to = map(id);
    return to === undefined ? whole : `\${${to}${dot === -1 ? "" : inner.slice(dot)}}`;
  });
}

function renameIntrinsic(key: string, value: Json, map: LogicalIdMap): Json | undefined {
  if (key === "Ref" && typeof value === "string") return mapped(map, value);
  if (key === "Fn::GetAtt") {
    if (typeof value === "string") {
      const dot = value.indexOf(".");
      return dot === -1 ? value : `${mapped(map, value.slice(0, dot))}${value.slice(dot)}`;
    }
    if (Array.isArray(value) && typeof value[0] === "string") return [mapped(map, value[0]), ...value.slice(1).map((v) => renameInCfnValue(v, map))];
  }
  if (key === "Fn::Sub") {
    if (typeof value === "string") return renameInSubTemplate(value, map, new Set());
    if (Array.isArray(value) && typeof value[0] === "string") {
      const variables = isObject(value[1]) ? value[1] : {};
      return [renameInSubTemplate(value[0], map, new Set(Object.keys(variables))), ...value.slice(1).map((v) => renameInCfnValue(v, map))];
    }
  }
  return undefined;
}

/** A CloudFormation value (a property, or a whole Properties object) with logical ids renamed by `map`. */
export function renameInCfnValue(value: Json, map: LogicalIdMap): Json {
  if (Array.isArray(value)) return value.map((v) => renameInCfnValue(v, map));
  if (!isObject(value)) return value;
  const entries = Object.entries(value);
  if (entries.length === 1) {
    const [key, inner] = entries[0];
    const renamed = renameIntrinsic(key, inner, map);
    if (renamed !== undefined) return { [key]: renamed };
  }
  return Object.fromEntries(entries.map(([k, v]) => [k, renameInCfnValue(v, map)]));
}

/** A raw resource ({ Type, Properties, DependsOn, Metadata, ... }) with references renamed by `map`. */
export function renameInCfnResource<T extends Record<string, Json>>(resource: T, map: LogicalIdMap): T {
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(resource)) {
    if (key === "Type" || key === "DeletionPolicy" || key === "UpdateReplacePolicy") out[key] = value;
    else if (key === "DependsOn") out[key] = typeof value === "string" ? mapped(map, value) : Array.isArray(value) ? value.map((v) => (typeof v === "string" ? mapped(map, v) : v)) : value;
    else out[key] = renameInCfnValue(value, map);
  }
  return out as T;
}
