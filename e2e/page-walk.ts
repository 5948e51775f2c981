import { readdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect } from "./test";
import { E2E } from "./env";
import { withE2eDatabase } from "./db-fixtures";
import { DEPLOYED } from "./deployed-stage";

// Every page of the app, discovered from app/**/page.tsx so that a new page cannot be forgotten,
// with fixture values for its parameters: the walks over all pages (security headers, phone width)
// share it. Needs setUpDeployedStage() and a signed-in owner of Acme.

const APP = path.join(process.cwd(), "app");

function pageRoutes(dir = APP): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return pageRoutes(path.join(dir, e.name));
    if (e.name !== "page.tsx") return [];
    const segments = path.relative(APP, dir).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s));
    return ["/" + segments.join("/")];
  });
}

function failNoFixture(name: string, route: string): never {
  throw new Error(`no fixture value for [${name}] in ${route}: add one so the new page is walked too`);
}

/** The URL of every page, for the signed-in owner on `page` (it creates an invitation for the invitation page). */
export async function everyPageUrl(page: Page, invitee: string): Promise<string[]> {
  // An invitation as a real link, from the members page (no SMTP here: the page shows it).
  await page.goto(`/${E2E.acme.orgSlug}/settings/members`);
  const form = page.getByRole("form", { name: "Invite a member" });
  await form.getByLabel("Email").fill(invitee);
  await form.getByLabel("Invited role").selectOption("viewer");
  await form.getByRole("button", { name: "Invite" }).click();
  const inviteLink = await page.getByLabel("Invitation link").inputValue();
  // The form's refresh of the page must not race the walk's first navigation.
  await settle(page);

  const deploymentId = await withE2eDatabase(async (prisma) =>
    (await prisma.deployment.findFirstOrThrow({ where: { stage: { name: DEPLOYED.stage, stack: { name: DEPLOYED.stack } } } })).id,
  );
  const params: Record<string, string> = {
    org: E2E.acme.orgSlug,
    stack: DEPLOYED.stack,
    deploymentId,
    stage: DEPLOYED.stage,
    fn: "hello",
    token: new URL(inviteLink).pathname.split("/").pop()!,
  };
  const routes = pageRoutes();
  expect(routes).toContain("/[org]/stacks/[stack]/deployments/[deploymentId]");
  return routes.map((r) => r.replace(/\[(\w+)\]/g, (_, name: string) => params[name] ?? failNoFixture(name, r)));
}

/** Waits until client components have mounted, effects fetched and a streamed redirect (/[org] to its stacks) finished. */
export async function settle(page: Page) {
  for (let url = ""; url !== page.url(); ) {
    url = page.url();
    await page.waitForLoadState("networkidle").catch(() => {});
    await page.waitForTimeout(300);
  }
}
