import "server-only";
import { notFound, redirect } from "next/navigation";
import { db } from "@/server/db/client";
import { findMembership, type OrgMembership } from "./membership";
import { requestHeaders } from "./request-context";
import { sessionUserFromHeaders, type SessionUser } from "./session-token";

/** For pages: the signed-in user, or a redirect to the sign-in page. */
export async function requireUser(): Promise<SessionUser> {
  // The session row belongs to the user (deleted with them), so an open session means the user exists.
  const user = await sessionUserFromHeaders(await requestHeaders());
  if (!user) redirect("/signin");
  return user;
}

/** For pages under /[org]: the membership, or 404 for anyone outside the organization. */
export async function requireMembership(orgSlug: string): Promise<OrgMembership & { user: SessionUser }> {
  const user = await requireUser();
  const membership = await findMembership(db(), user.id, orgSlug);
  if (!membership) notFound();
  return { ...membership, user };
}
