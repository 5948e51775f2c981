import { beforeAll, describe, expect, it } from "vitest";
import { decode, encode, type JWT } from "next-auth/jwt";
import type { Account, User } from "next-auth";
import { setupTestDatabase } from "@/server/db/test-database";
import { sessionCookie } from "@/server/actions/test-session";
import { baseAuthOptions } from "./options";
import { requestIdentityLink } from "./sessions";
import { sessionFromHeaders, sessionUserFromHeaders } from "./session-token";

const database = setupTestDatabase();
let pat: { id: string; email: string };

beforeAll(async () => {
  pat = await database.prisma.user.create({ data: { email: "pat@acme.test" } });
  await database.prisma.identity.create({ data: { userId: pat.id, issuer: "lambdaplane:dev-login", subject: pat.email, email: pat.email } });
});

const headersOf = (cookie: string) => new Headers({ cookie });
async function tokenOf(cookie: string): Promise<JWT> {
  return (await decode({ token: cookie.split("=")[1], secret: process.env.NEXTAUTH_SECRET! }))!;
}

describe("server-side sessions", () => {
  it("attack: a copied cookie stops working once its owner signs out (the session ends on the server)", async () => {
    const cookie = await sessionCookie(pat, "dev");
    expect(await sessionUserFromHeaders(headersOf(cookie))).toMatchObject({ id: pat.id, email: pat.email, provider: "dev" });

    await baseAuthOptions().events!.signOut!({ token: await tokenOf(cookie), session: undefined as never });

    expect(await sessionUserFromHeaders(headersOf(cookie))).toBeNull();
    const jwt = baseAuthOptions().callbacks!.jwt!;
    await expect(jwt({ token: await tokenOf(cookie) } as never)).rejects.toThrow("The session has ended.");
  });

  it("an expired session, and a cookie naming no session (issued before sessions were recorded), authenticate nothing", async () => {
    const cookie = await sessionCookie(pat);
    const { sid } = await tokenOf(cookie);
    await database.prisma.session.update({ where: { id: sid as string }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await sessionUserFromHeaders(headersOf(cookie))).toBeNull();

    const legacy = await encode({ token: { sub: pat.id, email: pat.email }, secret: process.env.NEXTAUTH_SECRET! });
    expect(await sessionUserFromHeaders(headersOf(`next-auth.session-token=${legacy}`))).toBeNull();
  });

  it("attack: another cookie of the domain that is not valid percent-encoding neither breaks the request nor the session", async () => {
    const cookie = await sessionCookie(pat, "dev");
    expect(await sessionUserFromHeaders(headersOf(`tracker=%E0%A4%A; ${cookie}; other=%`))).toMatchObject({ id: pat.id });
    expect(await sessionUserFromHeaders(headersOf("tracker=%E0%A4%A"))).toBeNull();
  });

  it("signing in opens a session of 8 hours that the cookie names", async () => {
    const token = await baseAuthOptions().callbacks!.jwt!({
      token: { email: pat.email },
      user: { id: pat.id, email: pat.email } as User,
      account: { provider: "dev", type: "credentials", providerAccountId: pat.email } as Account,
    } as never);
    const row = await database.prisma.session.findUniqueOrThrow({ where: { id: token.sid as string } });
    expect(row).toMatchObject({ userId: pat.id, provider: "dev" });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(8 * 60 * 60 * 1000);
  });
});

describe("linking a sign-in method through the auth callback", () => {
  const devSignIn = (email: string) => ({
    user: { id: email, email, emailVerified: true } as User,
    account: { provider: "dev", type: "credentials", providerAccountId: email } as Account,
  });

  it("attaches the identity to the signed-in user only after they asked to link that provider", async () => {
    const sam = await database.prisma.user.create({ data: { email: "sam@acme.test" } });
    const cookie = await sessionCookie(sam, "oidc");
    const signIn = (headers: Headers) => baseAuthOptions(headers).callbacks!.signIn!(devSignIn(sam.email) as never);

    // Without a request to link, a sign-in naming an existing account's email is refused.
    expect(await signIn(headersOf(cookie))).toMatch(/\/signin\?error=IdentityNotLinked$/);
    expect(await database.prisma.identity.count({ where: { userId: sam.id } })).toBe(0);

    const session = (await sessionFromHeaders(headersOf(cookie)))!;
    await requestIdentityLink(database.prisma, session.id, "dev");
    expect(await signIn(headersOf(cookie))).toBe(true);
    expect(await database.prisma.identity.findFirstOrThrow({ where: { userId: sam.id } })).toMatchObject({ issuer: "lambdaplane:dev-login", subject: sam.email });
    expect((await sessionFromHeaders(headersOf(cookie)))!.linkProvider).toBeNull();
  });

  it("refuses to link an identity whose verified email is not the signed-in user's", async () => {
    const kim = await database.prisma.user.create({ data: { email: "kim@acme.test" } });
    const cookie = await sessionCookie(kim, "oidc");
    await requestIdentityLink(database.prisma, (await sessionFromHeaders(headersOf(cookie)))!.id, "dev");
    expect(await baseAuthOptions(headersOf(cookie)).callbacks!.signIn!(devSignIn("someone@else.test") as never)).toMatch(/error=LinkEmailMismatch$/);
    expect(await database.prisma.identity.count({ where: { userId: kim.id } })).toBe(0);
  });
});
