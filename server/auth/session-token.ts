import "server-only";
import { decode } from "next-auth/jwt";

// next-auth v4 stores the JWT session in this cookie ("__Secure-" prefixed on https) and splits
// values over 4 KB into ".0", ".1", ... chunks.
const COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

export interface SessionUser {
  id: string;
  email: string;
}

function parseCookies(header: string | null): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i <= 0) continue;
    out.set(part.slice(0, i).trim(), decodeURIComponent(part.slice(i + 1).trim()));
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

export async function sessionUserFromHeaders(headers: Headers): Promise<SessionUser | null> {
  const token = sessionCookieValue(parseCookies(headers.get("cookie")));
  const secret = process.env.NEXTAUTH_SECRET;
  if (!token || !secret) return null;
  try {
    const jwt = await decode({ token, secret });
    if (!jwt || typeof jwt.sub !== "string" || typeof jwt.email !== "string") return null;
    return { id: jwt.sub, email: jwt.email };
  } catch {
    return null;
  }
}
