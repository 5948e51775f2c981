import { z } from "zod";
import { db } from "@/server/db/client";
import { apiRoute, audited, readJson } from "@/server/api/api-route";
import { apiRevision, findApiStack } from "@/server/api/stacks";
import { checkDefinition, saveRevision } from "@/server/stacks/revisions";
import { readQuery, revisionQuery } from "@/server/http/query";
import { codeFiles, definitionYaml } from "@/server/stacks/size-limits";
import { percentDecoded } from "@/server/http/percent-decode";

export const dynamic = "force-dynamic";

type Params = { stack: string };

/** GET /api/v1/stacks/{stack}/yaml[?revision=N]: a revision's YAML and handler code (the latest by default). */
export const GET = apiRoute<Params>({ scope: "read", permission: "stack:read", doing: "reading a stack's YAML" }, async (req, caller, params) => {
  const stack = await findApiStack(db(), caller.org.id, percentDecoded(params.stack));
  const { revision } = readQuery(req, z.object({ revision: revisionQuery }));
  const r = await apiRevision(db(), stack.id, stack.name, revision);
  return Response.json({ stack: stack.name, revision: r.number, yaml: r.yaml, code: r.code, message: r.message, createdAt: r.createdAt.toISOString() });
});

// The same bounds as the editor's save action. readJson puts the field name in front of each message.
const body = z.object({
  baseRevision: z.number("give the revision number your edit starts from (0 for a stack without revisions)").int().min(0),
  yaml: definitionYaml(z.string("give the stack definition as a YAML string").min(1, "the definition is empty")),
  code: codeFiles().default({}),
  message: z.string().max(500, "a message is limited to 500 characters").optional(),
});

/**
 * PUT /api/v1/stacks/{stack}/yaml: saves the next revision. A stale baseRevision answers 409 with
 * `latest` (the newer revision); invalid YAML answers 400 with the first problem.
 */
export const PUT = apiRoute<Params>({ scope: "deploy", permission: "stack:update", doing: "saving a stack's YAML" }, async (req, caller, params) => {
  const stack = await findApiStack(db(), caller.org.id, percentDecoded(params.stack));
  const input = await readJson(req, body);
  const definition = await checkDefinition(caller.org.id, stack.name, input.yaml);
  const revision = await audited(caller, "stack.revision.save", async (tx) => {
    const saved = await saveRevision(tx, caller.org.id, stack.id, { baseNumber: input.baseRevision, yaml: input.yaml, code: input.code, message: input.message }, definition, caller.actor.id);
    return { data: saved, audit: { targetType: "stack", targetId: stack.id, after: { revision: saved.number, message: input.message ?? null } } };
  });
  return Response.json({ stack: stack.name, revision: revision.number, id: revision.id, createdAt: revision.createdAt.toISOString() }, { status: 201 });
});
