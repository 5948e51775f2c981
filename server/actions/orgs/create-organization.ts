"use server";
import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
import { createOrganization as create } from "@/server/orgs/mutations";

export const createOrganization = defineAction({
  action: "organization.create",
  mode: "write",
  permission: null,
  input: z.object({ name: z.string().trim().min(1, "Name is required.").max(80, "Name must be at most 80 characters.") }),
  async run({ tx, user }, { name }) {
    const org = await create(tx, user.id, name);
    return { data: org, organizationId: org.id, audit: { targetType: "organization", targetId: org.id, after: { name, slug: org.slug } } };
  },
});
