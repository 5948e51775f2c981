import type { Metadata } from "next";
import { requireUser } from "@/server/auth/guard";
import { CreateOrgForm } from "@/components/shell/create-org-form";

export const metadata: Metadata = { title: "Create an organization" };
export const dynamic = "force-dynamic";

export default async function OnboardingPage() {
  const user = await requireUser();
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="mb-1 text-xl font-semibold">Create your organization</h1>
        <p className="mb-5 text-sm text-slate-600">
          Signed in as {user.email}. You will be its owner; invite your team or connect SSO afterwards.
        </p>
        <CreateOrgForm />
      </div>
    </main>
  );
}
