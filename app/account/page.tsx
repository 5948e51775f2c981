import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/server/db/client";
import { requireUser } from "@/server/auth/guard";
import { listIdentities } from "@/server/auth/identities";
import { linkableProviders } from "@/server/auth/linkable-providers";
import { signInErrorMessage } from "@/components/auth/sign-in-errors";
import { LinkSignInMethod } from "@/components/auth/link-sign-in-method";

export const metadata: Metadata = { title: "Account" };
export const dynamic = "force-dynamic";

export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireUser();
  const { error } = await searchParams;
  const [identities, linkable] = await Promise.all([listIdentities(db(), user.id), linkableProviders(db(), user.id)]);
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="flex w-full max-w-lg flex-col gap-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-xl font-semibold">Account</h1>
        <p className="text-sm text-slate-700">
          Signed in as <strong>{user.email}</strong>. <Link href="/" className="text-indigo-700 underline">Back to Lambdaplane</Link>
        </p>
        {error ? (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
            {signInErrorMessage(error)}
          </p>
        ) : null}
        <section aria-label="Linked sign-in methods" className="flex flex-col gap-2">
          <h2 className="font-medium">Sign-in methods</h2>
          {identities.length === 0 ? <p className="text-sm text-slate-600">None yet: link one below so that you can sign in again.</p> : null}
          <ul className="flex flex-col gap-1 text-sm">
            {identities.map((i) => (
              <li key={i.id} data-testid="identity">
                {i.issuer} as {i.email}, linked {i.createdAt.toISOString().slice(0, 10)}
              </li>
            ))}
          </ul>
        </section>
        <LinkSignInMethod providers={linkable} />
      </div>
    </main>
  );
}
