// What every validation rule gets: the definition, typed lookups, and one way to report a problem.
import type { CfnAttributeLookup } from "../cfn-attributes";
import type { Diagnostic, Severity } from "../diagnostics";
import type { ResourceOfType, StackDefinition, StackResource, StackResourceType } from "../schema";

export type Path = (string | number)[];

export interface RuleContext {
  definition: StackDefinition;
  cfnAttributes: CfnAttributeLookup;
  report(path: Path, code: string, message: string, severity?: Severity): void;
  /** The resource named `name` if it has one of `types`; otherwise reports at `path` and returns undefined. */
  expectResource<T extends StackResourceType>(path: Path, name: string, types: readonly T[], role: string): ResourceOfType<T> | undefined;
}

export function resourcesOfType<T extends StackResourceType>(definition: StackDefinition, type: T): [string, ResourceOfType<T>][] {
  return Object.entries(definition.resources).filter((e): e is [string, ResourceOfType<T>] => e[1].type === type);
}

/** The closest of `candidates` to `name`, for "did you mean" hints. */
export function closest(name: string, candidates: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  return candidates.find((c) => c.toLowerCase() === lower) ?? candidates.find((c) => c.toLowerCase().includes(lower) || lower.includes(c.toLowerCase()));
}

export function createContext(definition: StackDefinition, cfnAttributes: CfnAttributeLookup, diagnostics: Diagnostic[]): RuleContext {
  const report: RuleContext["report"] = (path, code, message, severity = "error") => diagnostics.push({ severity, code, message, path });
  return {
    definition,
    cfnAttributes,
    report,
    expectResource(path, name, types, role) {
      const resource: StackResource | undefined = Object.hasOwn(definition.resources, name) ? definition.resources[name] : undefined;
      const wanted = types.map((t) => `'${t}'`).join(" or ");
      if (!resource) {
        const sameKind = Object.entries(definition.resources).filter(([, r]) => (types as readonly string[]).includes(r.type)).map(([n]) => n);
        const hint = closest(name, sameKind);
        // Ten names at most: listing all of them in every such message grew with the square of the stack.
        const listed = sameKind.length > 10 ? `${sameKind.slice(0, 10).join(", ")} and ${sameKind.length - 10} more` : sameKind.join(", ");
        const available = sameKind.length ? `; ${hint ? `did you mean '${hint}'? ` : ""}${wanted} resources: ${listed}` : `; the stack has no ${wanted} resource`;
        report(path, "reference", `${role} '${name}' does not exist${available}`);
        return undefined;
      }
      if (!(types as readonly string[]).includes(resource.type)) {
        report(path, "reference", `${role} '${name}' is a '${resource.type}' resource; expected ${wanted}`);
        return undefined;
      }
      return resource as ResourceOfType<(typeof types)[number]>;
    },
  };
}
