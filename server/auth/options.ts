import "server-only";
import type { NextAuthOptions } from "next-auth";
import type { Provider } from "next-auth/providers/index";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/server/db/client";
import { decryptSecret } from "@/server/crypto";
import { DEFAULT_OIDC_PROVIDER_ID, DEV_PROVIDER_ID, ORG_SSO_PREFIX, defaultOidc, devLoginEnabled } from "./config";
import { emailSchema } from "./email";
import { oidcProvider } from "./oidc-provider";
import { signInDirect, signInThroughOrgSso, type SignInOutcome } from "./sign-in";

const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

async function orgSsoProviders(): Promise<Provider[]> {
  const conns = await db().ssoConnection.findMany({ include: { organization: { select: { name: true } } } });
  return conns.map((c) =>
    oidcProvider({
      id: `${ORG_SSO_PREFIX}${c.id}`,
      name: c.organization.name,
      issuer: c.issuer,
      clientId: c.clientId,
      clientSecret: decryptSecret(c.clientSecretEncrypted),
    }),
  );
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
        const outcome: SignInOutcome = await db().$transaction((tx) =>
          account.provider.startsWith(ORG_SSO_PREFIX)
            ? signInThroughOrgSso(tx, account.provider.slice(ORG_SSO_PREFIX.length), who)
            : signInDirect(tx, who),
        );
        return outcome.ok ? true : `/signin?error=${outcome.reason}`;
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
  if (devLoginEnabled()) providers.push(devProvider());
  return { ...baseAuthOptions(), providers };
}
