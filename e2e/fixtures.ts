import type { PrismaClient } from "@/server/db/generated/client";
import { encryptSecret } from "@/server/crypto";
import { starterRevision } from "@/server/stacks/starter";
import { seedCostStack } from "./cost-fixture";
import { E2E, USERS } from "./env";
import { SHOP_CODE, shopYaml } from "./moto/shop-stack";

async function stack(client: PrismaClient, organizationId: string, name: string) {
  await client.stack.create({
    data: {
      organizationId,
      name,
      revisions: { create: starterRevision("Seeded for e2e") },
    },
  });
}

/** Acme and Initech (each with SSO through the test IdP) and Globex, a stranger to both. */
export async function seedE2e(client: PrismaClient): Promise<void> {
  const acme = await client.organization.create({ data: { slug: E2E.acme.orgSlug, name: E2E.acme.orgName } });
  const globex = await client.organization.create({ data: { slug: E2E.globex.orgSlug, name: E2E.globex.orgName } });
  await client.ssoConnection.create({
    data: {
      id: E2E.acme.ssoConnectionId,
      organizationId: acme.id,
      issuer: E2E.idpIssuer,
      clientId: E2E.acme.client.id,
      clientSecretEncrypted: encryptSecret(E2E.acme.client.secret),
      defaultRole: E2E.acme.defaultRole,
    },
  });
  const initech = await client.organization.create({ data: { slug: E2E.initech.orgSlug, name: E2E.initech.orgName } });
  await client.ssoConnection.create({
    data: {
      id: E2E.initech.ssoConnectionId,
      organizationId: initech.id,
      issuer: E2E.idpIssuer,
      clientId: E2E.initech.client.id,
      clientSecretEncrypted: encryptSecret(E2E.initech.client.secret),
      defaultRole: "viewer",
    },
  });
  // Their domains as if verified by DNS: the specs sign people in through them.
  for (const [organizationId, domain] of [
    [acme.id, E2E.acme.domain],
    [initech.id, E2E.initech.domain],
  ]) {
    await client.ssoDomain.create({
      data: { organizationId, domain, challengeToken: `seeded-${domain}`, verifiedAt: new Date(), verifiedBy: "e2e seed", verifiedDomain: domain },
    });
  }
  const members: [string, string, "owner" | "viewer" | "editor"][] = [
    [USERS.initechOwner, initech.id, "owner"],
    [USERS.initechMember, initech.id, "editor"],
    [USERS.acmeOwner, acme.id, "owner"],
    [USERS.acmeViewer, acme.id, "viewer"],
    [USERS.globexOwner, globex.id, "owner"],
  ];
  // Each signs in through the test IdP, whose subject is the login typed there (their email).
  for (const [email, organizationId, role] of members) {
    await client.user.create({
      data: { email, memberships: { create: { organizationId, role } }, identities: { create: { issuer: E2E.idpIssuer, subject: email, email } } },
    });
  }
  await stack(client, acme.id, "orders");
  await seedCostStack(client, acme.id);
  await stack(client, globex.id, "payroll");
  // What e2e/deploy.spec.ts deploys: functions with S3 code, an SQS trigger, a schedule, log groups.
  await client.stack.create({
    data: { organizationId: acme.id, name: "shop", revisions: { create: { number: 1, yaml: shopYaml(256), definition: {}, code: SHOP_CODE, message: "Seeded for e2e" } } },
  });
}
