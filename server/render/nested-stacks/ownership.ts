import { isStatefulType } from "@/server/validate/spec-db";
import type { ResourceGraph } from "@/server/validate/template-graph";
import { isPlainObject } from "@/server/validate/template-refs";

// Which function group each resource belongs to when a template is split. A group is a function
// plus what only it uses (its role, its log group) and what only hangs off it (permissions, event
// source mappings, rules, routes and integrations). Everything else stays in the parent stack.

/** A function group, named by the function's logical id, or null for the parent stack. */
export type Owner = string | null;

// Entry points and network shared across functions: kept in the parent even when one function
// uses them, so adding a second user later does not move them between stacks.
const PARENT_TYPES = new Set([
  "AWS::ApiGatewayV2::Api",
  "AWS::ApiGatewayV2::ApiMapping",
  "AWS::ApiGatewayV2::DomainName",
  "AWS::ApiGatewayV2::Stage",
  "AWS::CloudFormation::Stack",
  "AWS::CloudFront::Distribution",
  "AWS::Cognito::UserPoolClient",
  "AWS::Cognito::UserPoolDomain",
  "AWS::ElasticLoadBalancingV2::Listener",
  "AWS::ElasticLoadBalancingV2::LoadBalancer",
  "AWS::Events::EventBus",
  "AWS::SNS::Topic",
]);

const KEEPING_DELETION_POLICIES = new Set(["Retain", "RetainExceptOnCreate", "Snapshot"]);

function typeOf(resource: unknown): string {
  return isPlainObject(resource) && typeof resource.Type === "string" ? resource.Type : "";
}

/**
 * Resources that never move into a nested stack. Moving a resource between stacks deletes and
 * recreates it, so data-holding resources (the spec's stateful types) and retained resources stay
 * put. A function's log group is the exception: it belongs to its function.
 */
export function isPinnedToParent(resource: unknown): boolean {
  const type = typeOf(resource);
  if (PARENT_TYPES.has(type) || type.startsWith("AWS::EC2::")) return true;
  if (isPlainObject(resource) && KEEPING_DELETION_POLICIES.has(String(resource.DeletionPolicy))) return true;
  return type !== "AWS::Logs::LogGroup" && isStatefulType(type);
}

/** Kahn's algorithm over `ids`, dependencies first, ties broken by id; ids on a cycle are left out. */
function dependencyOrder(ids: readonly string[], graph: ResourceGraph): string[] {
  const members = new Set(ids);
  const pending = new Map(ids.map((id) => [id, graph.dependencies.get(id)!.filter((d) => members.has(d)).length]));
  const order = ids.filter((id) => pending.get(id) === 0);
  for (let next = 0; next < order.length; next++) {
    const id = order[next];
    for (const dependent of graph.dependents.get(id)!) {
      if (!members.has(dependent)) continue;
      const left = pending.get(dependent)! - 1;
      pending.set(dependent, left);
      if (left === 0) order.push(dependent);
    }
  }
  return order;
}

export function assignOwners(resources: Readonly<Record<string, unknown>>, graph: ResourceGraph): Map<string, Owner> {
  const owners = new Map<string, Owner>();
  const pinned = new Set(graph.ids.filter((id) => isPinnedToParent(resources[id])));
  const functions = graph.ids.filter((id) => !pinned.has(id) && typeOf(resources[id]) === "AWS::Lambda::Function");
  for (const id of pinned) owners.set(id, null);
  for (const fn of functions) owners.set(fn, fn);

  // What a function uses: everything reachable from it without passing through another
  // function or a pinned resource. Used by one function: that group; by several: the parent.
  const users = new Map<string, Set<string>>();
  for (const fn of functions) {
    const queue = [...graph.dependencies.get(fn)!];
    const seen = new Set<string>();
    for (let next = 0; next < queue.length; next++) {
      const id = queue[next];
      if (seen.has(id) || owners.has(id)) continue;
      seen.add(id);
      if (!users.has(id)) users.set(id, new Set());
      users.get(id)!.add(fn);
      queue.push(...graph.dependencies.get(id)!);
    }
  }
  for (const [id, by] of users) owners.set(id, by.size === 1 ? [...by][0] : null);

  // What hangs off a function (nothing the function uses): joins the group of its dependencies.
  // With two candidate groups, the one reached through the less shared dependency wins (a route
  // goes with its integration's function, not with the authorizer shared by every route).
  const rest = graph.ids.filter((id) => !owners.has(id));
  for (const id of dependencyOrder(rest, graph)) {
    const fanIn = new Map<string, number>();
    for (const dep of graph.dependencies.get(id)!) {
      const group = owners.get(dep);
      if (!group) continue;
      const n = graph.dependents.get(dep)!.length;
      fanIn.set(group, Math.min(n, fanIn.get(group) ?? Infinity));
    }
    owners.set(id, pickGroup(fanIn));
  }
  for (const id of graph.ids) if (!owners.has(id)) owners.set(id, null);

  // Something hanging off one function that other groups use (a Lambda authorizer every route
  // refers to) is shared: it stays in the parent.
  for (const id of rest) {
    const own = owners.get(id);
    if (own && graph.dependents.get(id)!.some((d) => owners.get(d) && owners.get(d) !== own)) owners.set(id, null);
  }
  return owners;
}

function pickGroup(fanIn: Map<string, number>): Owner {
  if (fanIn.size === 1) return [...fanIn.keys()][0];
  if (fanIn.size !== 2) return null;
  const [[a, na], [b, nb]] = [...fanIn];
  if (na === nb) return null;
  return na < nb ? a : b;
}
