import type { Metadata } from "next";
import { db } from "@/server/db/client";
import { ORG_SSO_PREFIX } from "@/server/auth/config";
import { requestHeaders } from "@/server/auth/request-context";
import { sessionUserFromHeaders } from "@/server/auth/session-token";
import { INVITATION_PROBLEMS, describeInvitation } from "@/server/invitations/mutations";
import { enforcedSsoConnectionId } from "@/server/sso/queries";
import { AcceptInvitation, type AcceptMode } from "@/components/auth/accept-invitation";

export const metadata: Metadata = { title: "Invitation" };
export const dynamic = "force-dynamic";

function Card({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="flex w-full max-w-md flex-col gap-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-xl font-semibold">{title}</h1>
        {children}
      </div>
    </main>
  );
}

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await describeInvitation(db(), token);
  if (!invitation.ok) {
    return (
      <Card title="This invitation cannot be used">
        <p role="alert" className="text-sm text-red-700">
          {INVITATION_PROBLEMS[invitation.problem]}
        </p>
      </Card>
    );
  }
  const user = await sessionUserFromHeaders(await requestHeaders());
  const ssoId = invitation.ssoEnforced ? await enforcedSsoConnectionId(db(), invitation.org.slug) : null;
  const ssoProviderId = ssoId ? `${ORG_SSO_PREFIX}${ssoId}` : null;
  const mode: AcceptMode = user
    ? user.email !== invitation.email
      ? "wrong-account"
      : invitation.ssoEnforced && user.provider !== ssoProviderId
        ? "sso-required"
        : "accept-signed-in"
    : invitation.ssoEnforced
      ? "sso-required"
      : invitation.hasAccount
        ? "sign-in-first"
        : "create-account";
  const explanation: Record<AcceptMode, string | null> = {
    "accept-signed-in": null,
    "wrong-account": `You are signed in as ${user?.email}. Sign out first to accept it as ${invitation.email}.`,
    "sso-required": `${invitation.org.name} requires single sign-on. Sign in with SSO as ${invitation.email}, and you will come back here.`,
    "sign-in-first": `${invitation.email} already has an account. Sign in the way you usually do, and you will come back here to accept.`,
    "create-account": `This creates a Lambdaplane account for ${invitation.email}. To sign in again later, use your company's single sign-on with this email: its first sign-in takes over this account.`,
  };
  return (
    <Card title={`Join ${invitation.org.name}`}>
      <p className="text-sm text-slate-700">
        You are invited as <strong>{invitation.role}</strong>. This invitation is for <strong>{invitation.email}</strong> and expires{" "}
        {invitation.expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC.
      </p>
      {explanation[mode] ? <p className="text-sm text-slate-700">{explanation[mode]}</p> : null}
      <AcceptInvitation token={token} orgSlug={invitation.org.slug} mode={mode} ssoProviderId={ssoProviderId} />
    </Card>
  );
}
