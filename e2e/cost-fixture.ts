import { parse as parseYaml } from "yaml";
import type { PrismaClient } from "@/server/db/generated/client";
import { STARTER_HANDLER, STARTER_HANDLER_PATH, STARTER_YAML } from "@/server/stacks/starter";

// The Costs page's e2e stack: the starter stack saved twice, its function's memory raised from 512 MB
// (revision 1) to 1024 MB (revision 2), as an edit in the editor would save it.
export const COST_STACK = { name: "pricing", functionName: "hello", memoryBefore: 512, memoryAfter: 1024 } as const;

export function costStackYaml(memory: number): string {
  const yaml = STARTER_YAML.replace("memory: 256", `memory: ${memory}`);
  if (yaml === STARTER_YAML) throw new Error("the starter stack no longer sets memory: 256; update e2e/cost-fixture.ts");
  return yaml;
}

export async function seedCostStack(client: PrismaClient, organizationId: string): Promise<void> {
  const revision = (number: number, memory: number) => {
    const yaml = costStackYaml(memory);
    return { number, yaml, definition: parseYaml(yaml), code: { [STARTER_HANDLER_PATH]: STARTER_HANDLER }, message: `memory ${memory} MB` };
  };
  await client.stack.create({
    data: { organizationId, name: COST_STACK.name, revisions: { create: [revision(1, COST_STACK.memoryBefore), revision(2, COST_STACK.memoryAfter)] } },
  });
}
