import type { Metadata } from "next";
import { DEFAULT_OIDC_PROVIDER_ID, defaultOidc, devLoginEnabled } from "@/server/auth/config";
import { SignInForm } from "@/components/auth/sign-in-form";
import { signInErrorMessage } from "@/components/auth/sign-in-errors";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";


export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { error, callbackUrl, retryAt } = await searchParams;
  const fallback = defaultOidc();
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="mb-1 text-xl font-semibold">Sign in to Lambdaplane</h1>
        <p className="mb-5 text-sm text-slate-600">Use your company account.</p>
        {error ? (
          <p role="alert" className="mb-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
            {signInErrorMessage(error, Number(retryAt))}
          </p>
        ) : null}
        <SignInForm
          defaultProvider={fallback ? { id: DEFAULT_OIDC_PROVIDER_ID, name: fallback.name } : null}
          devLogin={devLoginEnabled()}
          callbackUrl={callbackUrl?.startsWith("/") ? callbackUrl : "/"}
        />
      </div>
    </main>
  );
}
