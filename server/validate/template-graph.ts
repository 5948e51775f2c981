import { forEachReferenceTarget, isPlainObject } from "./template-refs";

// The dependency graph of a template's resources: A depends on B when A refers to B (Ref, GetAtt,
// Sub) or lists it in DependsOn. Deterministic: ids and edges come out in sorted order.

export interface ResourceGraph {
  ids: readonly string[];
  /** id -> resources it depends on. */
  dependencies: ReadonlyMap<string, readonly string[]>;
  /** id -> resources that depend on it. */
  dependents: ReadonlyMap<string, readonly string[]>;
}

export function dependsOnList(resource: unknown): string[] {
  if (!isPlainObject(resource)) return [];
  const value = resource.DependsOn;
  const list = typeof value === "string" ? [value] : Array.isArray(value) ? value : [];
  return list.filter((x): x is string => typeof x === "string");
}

export function resourceGraph(resources: Readonly<Record<string, unknown>>): ResourceGraph {
  const targets = new Map<string, string[]>();
  for (const id of Object.keys(resources)) {
    const found = dependsOnList(resources[id]);
    forEachReferenceTarget(resources[id], (target) => found.push(target));
    targets.set(id, found);
  }
  return graphOf(resources, targets);
}

/**
 * The graph from what each resource names (DependsOn and reference targets, in any order, repeats
 * and non-resources included), for walks that have found the references already.
 */
export function graphOf(resources: Readonly<Record<string, unknown>>, targets: ReadonlyMap<string, readonly string[]>): ResourceGraph {
  const ids = Object.keys(resources).sort();
  const dependencies = new Map<string, string[]>();
  const dependents = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const id of ids) {
    // A resource refers to a handful of others: a list beats a Set here.
    const deps: string[] = [];
    for (const target of targets.get(id) ?? []) {
      if (target !== id && !deps.includes(target) && Object.hasOwn(resources, target)) deps.push(target);
    }
    deps.sort();
    dependencies.set(id, deps);
    for (const d of deps) dependents.get(d)!.push(id);
  }
  return { ids, dependencies, dependents };
}

/**
 * Strongly connected components (Tarjan), iterative so deep graphs cannot overflow the stack.
 * Components come out in reverse topological order: a component's dependencies come before it.
 */
export function stronglyConnectedComponents(
  nodes: readonly string[],
  edges: (node: string) => readonly string[],
): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { node: string; next: number }[] = [{ node: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length) {
      const frame = work[work.length - 1];
      const out = edges(frame.node);
      if (frame.next < out.length) {
        const next = out[frame.next++];
        if (!index.has(next)) {
          index.set(next, counter);
          low.set(next, counter++);
          stack.push(next);
          onStack.add(next);
          work.push({ node: next, next: 0 });
        } else if (onStack.has(next)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(next)!));
        }
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        components.push(component.sort());
      }
    }
  }
  return components;
}

/**
 * One circle per group of resources that depend on each other: a path that starts and ends at the
 * group's first resource (sorted), shortest first. Empty when the graph has no circles.
 */
export function findCycles(graph: ResourceGraph): string[][] {
  const cycles: string[][] = [];
  for (const component of stronglyConnectedComponents(graph.ids, (id) => graph.dependencies.get(id) ?? [])) {
    if (component.length < 2) continue;
    const members = new Set(component);
    const start = component[0];
    // Breadth-first from start until an edge leads back to it.
    const cameFrom = new Map<string, string>();
    const queue = [start];
    let last: string | undefined;
    for (let next = 0; next < queue.length && last === undefined; next++) {
      const id = queue[next];
      for (const dep of graph.dependencies.get(id) ?? []) {
        if (dep === start) {
          last = id;
          break;
        }
        if (members.has(dep) && !cameFrom.has(dep)) {
          cameFrom.set(dep, id);
          queue.push(dep);
        }
      }
    }
    const path = [start];
    for (let id = last!; id !== start; id = cameFrom.get(id)!) path.splice(1, 0, id);
    cycles.push(path);
  }
  return cycles;
}
