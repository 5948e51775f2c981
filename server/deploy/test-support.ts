// Shared by the deploy pipeline's integration tests: an organization with people, revisions, and
// waiting for a deployment to reach a status. The stack they deploy is e2e/moto/shop-stack.ts.
import { expect } from "vitest";
import type { PrismaClient } from "@/server/db/generated/client";
import { isTerminal, type DeploymentStatus } from "@/lib/deploy/status";
import { asUser } from "@/server/actions/test-session";
import { createApiToken } from "@/server/actions/tokens/create-api-token";

export const TEST_ENCRYPTION_KEY = "ab".repeat(32);

export async function seedOrganization(prisma: PrismaClient, slug: string) {
  const org = await prisma.organization.create({ data: { slug, name: slug } });
  const person = async (email: string, role: "owner" | "admin" | "deployer" | "viewer") =>
    prisma.user.create({ data: { email, memberships: { create: { organizationId: org.id, role } } } });
  return {
    org,
    owner: await person(`owner@${slug}.test`, "owner"),
    deployer: await person(`deployer@${slug}.test`, "deployer"),
    viewer: await person(`viewer@${slug}.test`, "viewer"),
  };
}

/** A deploy-scoped API token of `user` (what CI holds), minted through the real action. */
export async function mintDeployToken(user: { id: string; email: string }, orgSlug: string): Promise<string> {
  const token = await asUser(user, () => createApiToken({ orgSlug, name: "ci", scopes: ["deploy"], expiresInDays: 30 }));
  if (!token.ok) expect.fail(token.error);
  return token.data.token;
}

export async function addRevision(prisma: PrismaClient, stackId: string, yaml: string, code: Record<string, string>) {
  const last = await prisma.stackRevision.findFirst({ where: { stackId }, orderBy: { number: "desc" } });
  return prisma.stackRevision.create({ data: { stackId, number: (last?.number ?? 0) + 1, yaml, definition: {}, code } });
}

/** Polls until the deployment reaches one of `statuses` (or any terminal status, which then must be one of them). */
export async function waitForStatus(prisma: PrismaClient, deploymentId: string, statuses: DeploymentStatus[], timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const d = await prisma.deployment.findUniqueOrThrow({ where: { id: deploymentId } });
    const status = d.status as DeploymentStatus;
    if (statuses.includes(status)) return d;
    if (isTerminal(status)) expect.fail(`deployment ended ${status}, expected ${statuses.join("/")}: ${d.error ?? ""}`);
    if (Date.now() > deadline) expect.fail(`deployment still ${status} after ${timeoutMs} ms, expected ${statuses.join("/")}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function timeline(prisma: PrismaClient, deploymentId: string) {
  return prisma.deploymentEvent.findMany({ where: { deploymentId }, orderBy: { id: "asc" } });
}
