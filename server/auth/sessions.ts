import "server-only";
import type { Db } from "@/server/db/types";

// A session lasts 8 hours from sign-in, however active it is; signing out ends it at once.
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;
// How long after "Link" is pressed the IdP's answer may still attach its identity.
const LINK_WINDOW_MS = 10 * 60 * 1000;

export interface ActiveSession {
  id: string;
  provider: string;
  user: { id: string; email: string };
  /** The provider id the person asked to link, while that request is fresh. */
  linkProvider: string | null;
}

export async function openSession(client: Db, userId: string, provider: string, now = new Date()): Promise<string> {
  // Expired sessions are dropped as their person signs in again, so the table stays bounded.
  await client.session.deleteMany({ where: { userId, expiresAt: { lte: now } } });
  const s = await client.session.create({
    data: { userId, provider, createdAt: now, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000) },
    select: { id: true },
  });
  return s.id;
}

export async function activeSession(client: Db, sessionId: string, now = new Date()): Promise<ActiveSession | null> {
  const s = await client.session.findFirst({
    where: { id: sessionId, expiresAt: { gt: now } },
    select: { id: true, provider: true, linkProvider: true, linkExpiresAt: true, user: { select: { id: true, email: true } } },
  });
  if (!s) return null;
  const linkFresh = s.linkProvider !== null && s.linkExpiresAt !== null && s.linkExpiresAt > now;
  return { id: s.id, provider: s.provider, user: s.user, linkProvider: linkFresh ? s.linkProvider : null };
}

export async function endSession(client: Db, sessionId: string): Promise<void> {
  await client.session.deleteMany({ where: { id: sessionId } });
}

/** Records that this session's person is about to sign in through `provider` to link it to themselves. */
export async function requestIdentityLink(client: Db, sessionId: string, provider: string, now = new Date()): Promise<void> {
  await client.session.update({ where: { id: sessionId }, data: { linkProvider: provider, linkExpiresAt: new Date(now.getTime() + LINK_WINDOW_MS) } });
}

/** Uses up the session's link request: one request links at most one identity. */
export async function clearIdentityLink(client: Db, sessionId: string): Promise<void> {
  await client.session.updateMany({ where: { id: sessionId }, data: { linkProvider: null, linkExpiresAt: null } });
}
