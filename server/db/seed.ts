// First-run content for `npm run dev`: a demo organization (no members yet: the first owner of a
// fresh install is added to it, see server/orgs/mutations.ts) with one small stack to explore.
import { DEMO_ORG_SLUG } from "../orgs/demo";
import { starterRevision } from "../stacks/starter";
import type { PrismaClient } from "./generated/client";

export const DEMO_ORG_NAME = "Demo";
export const DEMO_STACK_NAME = "hello-api";
/**
 * Seeds a fresh install: does nothing (and returns false) once any organization exists, so a
 * deleted demo organization is not brought back on the next start.
 */
export async function seedDemo(prisma: PrismaClient): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    if ((await tx.organization.count()) > 0) return false;
    await tx.organization.create({
      data: {
        name: DEMO_ORG_NAME,
        slug: DEMO_ORG_SLUG,
        stacks: {
          create: {
            name: DEMO_STACK_NAME,
            revisions: { create: starterRevision("Demo stack created on first run") },
          },
        },
      },
    });
    return true;
  });
}
