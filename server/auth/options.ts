import "server-only";
import type { NextAuthOptions } from "next-auth";
import type { Provider } from "next-auth/providers/index";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/server/db/client";
import { decryptSecret } from "@/server/crypto";
import { recordAudit } from "@/server/audit/record";
import { InvitationError, redeemInvitation } from "@/server/invitations/mutations";
import { DEFAULT_OIDC_PROVIDER_ID, DEV_PROVIDER_ID, INVITATION_PROVIDER_ID, ORG_SSO_PREFIX, defaultOidc, devLoginEnabled } from "./config";
import { emailSchema } from "./email";
import { ActionError } from "./errors";
import { oidcProvider } from "./oidc-provider";
import { SESSION_MAX_AGE_SECONDS, activeSession, clearIdentityLink, endSession, openSession, type ActiveSession } from "./sessions";
import { sessionFromHeaders } from "./session-token";
import { signInDirect, signInThroughOrgSso, type SignInIdentity, type SignInOutcome } from "./sign-in";

/**
 * The one organization SSO connection a sign-in or callback names (`sso-<id>`), or none. Other
 * auth requests (session, csrf, and `/api/auth/providers`, which anyone can read) carry no SSO
 * provider: the instance's list of connections is not public, and no request decrypts them all.
 */
async function orgSsoProvider(providerId: string | undefined): Promise<Provider[]> {
  if (!providerId?.startsWith(ORG_SSO_PREFIX)) return [];
  const c = await db().ssoConnection.findUnique({ where: { id: providerId.slice(ORG_SSO_PREFIX.length) } });
  if (!c) return [];
  return [
    oidcProvider({
      id: providerId,
      // Not the organization's name: the IdP's sign-in page and next-auth's error pages show it.
      name: "Single sign-on",
      issuer: c.issuer,
      clientId: c.clientId,
      clientSecret: decryptSecret(c.clientSecretEncrypted),
    }),
  ];
}

// An invitation signs someone in only as the brand-new account it creates for the invited email;
// an existing account signs in its usual way and accepts while signed in (accept-invitation).
function invitationProvider(): Provider {
  return CredentialsProvider({
    id: INVITATION_PROVIDER_ID,
    name: "Invitation",
    credentials: { token: { label: "Invitation token", type: "text" } },
    async authorize(credentials) {
      const token = credentials?.token ?? "";
      return db().$transaction(async (tx) => {
        try {
          const r = await redeemInvitation(tx, token, { newAccount: true });
          await recordAudit(tx, {
            organizationId: r.invitation.organizationId,
            actor: { id: r.user.id, email: r.user.email },
            action: "invitation.accept",
            targetType: "invitation",
            targetId: r.invitation.id,
            after: { email: r.user.email, role: r.invitation.role, newAccount: true },
          });
          return { id: r.user.id, email: r.user.email };
        } catch (e) {
          // next-auth hands the message to the page as the sign-in error.
          if (e instanceof InvitationError || e instanceof ActionError) throw new Error(e.message);
          throw e;
        }
      });
    },
  });
}

function devProvider(): Provider {
  return CredentialsProvider({
    id: DEV_PROVIDER_ID,
    name: "Development sign-in",
    credentials: { email: { label: "Email", type: "email" } },
    async authorize(credentials) {
      const email = emailSchema.safeParse(credentials?.email);
      return email.success ? { id: email.data, email: email.data, emailVerified: true } : null;
    },
  });
}

/** What next-auth's `user` carries from our providers' profile() and authorize(). */
type ProviderUser = { id: string; email?: string | null; name?: string | null; emailVerified?: unknown };

async function signInWith(provider: string, user: ProviderUser, subject: string, current: ActiveSession | null): Promise<SignInOutcome> {
  const who: SignInIdentity = {
    provider,
    providerAccountId: subject,
    email: user.email?.toLowerCase() ?? "",
    emailVerified: user.emailVerified === true,
    name: user.name,
  };
  // Linking: only when this session asked to link exactly this provider moments ago.
  const linkTo = current?.linkProvider === provider ? current.user : undefined;
  const outcome = await db().$transaction((tx) =>
    provider.startsWith(ORG_SSO_PREFIX) ? signInThroughOrgSso(tx, provider.slice(ORG_SSO_PREFIX.length), who, { linkTo }) : signInDirect(tx, who, { linkTo }),
  );
  if (linkTo && current) await clearIdentityLink(db(), current.id);
  return outcome;
}

/**
 * Options shared by the auth route and session reads; providers are only needed by the route.
 * `requestHeaders` are those of the auth request: its current session may be linking a sign-in method.
 */
export function baseAuthOptions(requestHeaders?: Headers): NextAuthOptions {
  return {
    providers: [],
    secret: process.env.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/signin", error: "/signin" },
    callbacks: {
      async signIn({ user, account }) {
        if (!account) return false;
        // The invitation provider already did its work (and its checks) in authorize.
        if (account.provider === INVITATION_PROVIDER_ID) return true;
        const current = requestHeaders ? await sessionFromHeaders(requestHeaders) : null;
        const outcome = await signInWith(account.provider, user as ProviderUser, account.providerAccountId, current);
        if (!outcome.ok) {
          // A refused link goes back to the account page it started from. Absolute: next-auth's
          // client parses this URL to read the error (a relative one throws there).
          const page = current?.linkProvider === account.provider ? "/account" : "/signin";
          return new URL(`${page}?error=${outcome.reason}`, process.env.NEXTAUTH_URL ?? "http://localhost:3000").toString();
        }
        // next-auth makes the token's subject from this same object after this callback: our user id, not the IdP's subject.
        user.id = outcome.userId;
        return true;
      },
      async jwt({ token, user, account }) {
        if (account && user) {
          // A sign-in: open the server-side session the cookie will name.
          token.sub = user.id;
          token.sid = await openSession(db(), user.id, account.provider);
          return token;
        }
        // Every later read: a cookie whose session was ended or expired is refused (next-auth then clears it).
        const session = typeof token.sid === "string" ? await activeSession(db(), token.sid) : null;
        if (!session) throw new Error("The session has ended.");
        token.email = session.user.email;
        return token;
      },
      async session({ session, token }) {
        if (session.user) Object.assign(session.user, { id: token.sub });
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") await endSession(db(), token.sid);
      },
    },
  };
}

/** The auth route's options; `providerId` is the provider a sign-in or callback request names. */
export async function authOptions(requestHeaders?: Headers, providerId?: string): Promise<NextAuthOptions> {
  const providers: Provider[] = [];
  const fallback = defaultOidc();
  if (fallback) providers.push(oidcProvider({ id: DEFAULT_OIDC_PROVIDER_ID, ...fallback }));
  providers.push(...(await orgSsoProvider(providerId)));
  providers.push(invitationProvider());
  if (devLoginEnabled()) providers.push(devProvider());
  return { ...baseAuthOptions(requestHeaders), providers };
}
