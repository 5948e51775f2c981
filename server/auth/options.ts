import "server-only";
import type { NextAuthOptions } from "next-auth";
import type { Provider } from "next-auth/providers/index";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/server/db/client";
import { decryptSecret } from "@/server/crypto";
import { recordAudit } from "@/server/audit/record";
import { InvitationError, describeInvitation, redeemInvitation } from "@/server/invitations/mutations";
import { DEFAULT_OIDC_PROVIDER_ID, DEV_PROVIDER_ID, INVITATION_PROVIDER_ID, ORG_SSO_PREFIX, defaultOidc, devLoginEnabled } from "./config";
import { emailSchema } from "./email";
import { oidcProvider } from "./oidc-provider";
import { signInDirect, signInThroughOrgSso, type SignInOutcome } from "./sign-in";

const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

async function orgSsoProviders(): Promise<Provider[]> {
  const conns = await db().ssoConnection.findMany();
  return conns.map((c) =>
    oidcProvider({
      id: `${ORG_SSO_PREFIX}${c.id}`,
      // Not the organization's name: anyone can read /api/auth/providers.
      name: "Single sign-on",
      issuer: c.issuer,
      clientId: c.clientId,
      clientSecret: decryptSecret(c.clientSecretEncrypted),
    }),
  );
}

// Accepting an invitation signs the person in: the single-use token sent to their address is the proof.
function invitationProvider(): Provider {
  return CredentialsProvider({
    id: INVITATION_PROVIDER_ID,
    name: "Invitation",
    credentials: { token: { label: "Invitation token", type: "text" } },
    async authorize(credentials) {
      const token = credentials?.token ?? "";
      return db().$transaction(async (tx) => {
        const described = await describeInvitation(tx, token);
        if (described.ok && described.ssoEnforced) {
          throw new Error(`${described.org.name} requires single sign-on: sign in with SSO as ${described.email}, then open this link again.`);
        }
        try {
          const r = await redeemInvitation(tx, token);
          await recordAudit(tx, {
            organizationId: r.invitation.organizationId,
            actor: { id: r.user.id, email: r.user.email },
            action: "invitation.accept",
            targetType: "invitation",
            targetId: r.invitation.id,
            after: { email: r.user.email, role: r.invitation.role },
          });
          return { id: r.user.id, email: r.user.email };
        } catch (e) {
          if (e instanceof InvitationError) throw new Error(e.message);
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
      return email.success ? { id: email.data, email: email.data } : null;
    },
  });
}

/** Options shared by the auth route and session reads; providers are only needed by the route. */
export function baseAuthOptions(): NextAuthOptions {
  return {
    providers: [],
    secret: process.env.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/signin", error: "/signin" },
    callbacks: {
      async signIn({ user, account }) {
        if (!account) return false;
        const who = {
          email: user.email?.toLowerCase() ?? "",
          name: user.name,
          provider: account.provider,
          providerAccountId: account.providerAccountId,
        };
        // The invitation provider already did its work (and its checks) in authorize.
        if (account.provider === INVITATION_PROVIDER_ID) return true;
        const outcome: SignInOutcome = await db().$transaction((tx) =>
          account.provider.startsWith(ORG_SSO_PREFIX)
            ? signInThroughOrgSso(tx, account.provider.slice(ORG_SSO_PREFIX.length), who)
            : signInDirect(tx, who),
        );
        // Absolute: next-auth's client parses this URL to read the error (a relative one throws there).
        return outcome.ok ? true : new URL(`/signin?error=${outcome.reason}`, process.env.NEXTAUTH_URL ?? "http://localhost:3000").toString();
      },
      async jwt({ token, account }) {
        // On sign-in, swap the IdP's subject for our own user id; later requests keep it.
        if (account && token.email) {
          const user = await db().user.findUnique({ where: { email: token.email.toLowerCase() }, select: { id: true } });
          if (user) token.sub = user.id;
        }
        return token;
      },
      async session({ session, token }) {
        if (session.user) Object.assign(session.user, { id: token.sub });
        return session;
      },
    },
  };
}

export async function authOptions(): Promise<NextAuthOptions> {
  const providers: Provider[] = [];
  const fallback = defaultOidc();
  if (fallback) providers.push(oidcProvider({ id: DEFAULT_OIDC_PROVIDER_ID, ...fallback }));
  providers.push(...(await orgSsoProviders()));
  providers.push(invitationProvider());
  if (devLoginEnabled()) providers.push(devProvider());
  return { ...baseAuthOptions(), providers };
}
