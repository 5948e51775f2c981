import "server-only";
import { decode } from "next-auth/jwt";
import { db } from "@/server/db/client";
import { percentDecoded } from "@/server/http/percent-decode";
import { activeSession, type ActiveSession } from "./sessions";

// next-auth v4 stores the JWT session in this cookie ("__Secure-" prefixed on https) and splits
// values over 4 KB into ".0", ".1", ... chunks.
const COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

export interface SessionUser {
  id: string;
  email: string;
  /** The server-side session this request authenticated with. */
  sessionId: string;
  /** The sign-in method (next-auth provider id) that opened it. */
  provider: string;
}

function parseCookies(header: string | null): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i <= 0) continue;
    // Any cookie of the domain, valid percent-encoding or not, must not turn every request into a 500.
    out.set(part.slice(0, i).trim(), percentDecoded(part.slice(i + 1).trim()));
  }
  return out;
}

function sessionCookieValue(cookies: Map<string, string>): string | null {
  for (const name of COOKIE_NAMES) {
    const whole = cookies.get(name);
    if (whole) return whole;
    const chunks: string[] = [];
    for (let i = 0; cookies.has(`${name}.${i}`); i++) chunks.push(cookies.get(`${name}.${i}`)!);
    if (chunks.length) return chunks.join("");
  }
  return null;
}

/**
 * The server-side session the request's cookie names, if it is still open. A cookie that decodes
 * but whose session was ended (sign-out) or has expired authenticates nothing.
 */
export async function sessionFromHeaders(headers: Headers): Promise<ActiveSession | null> {
  const token = sessionCookieValue(parseCookies(headers.get("cookie")));
  const secret = process.env.NEXTAUTH_SECRET;
  if (!token || !secret) return null;
  let sessionId: unknown;
  try {
    sessionId = (await decode({ token, secret }))?.sid;
  } catch {
    return null;
  }
  return typeof sessionId === "string" ? activeSession(db(), sessionId) : null;
}

export async function sessionUserFromHeaders(headers: Headers): Promise<SessionUser | null> {
  const session = await sessionFromHeaders(headers);
  return session ? { ...session.user, sessionId: session.id, provider: session.provider } : null;
}
