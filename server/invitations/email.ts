import "server-only";
import nodemailer from "nodemailer";

// SMTP is optional: without SMTP_URL the inviter copies the link from the page instead.
export function smtpConfigured(): boolean {
  return Boolean(process.env.SMTP_URL);
}

export async function sendInvitationEmail(args: { to: string; orgName: string; role: string; link: string; invitedBy: string }): Promise<void> {
  const transport = nodemailer.createTransport(process.env.SMTP_URL);
  await transport.sendMail({
    from: process.env.SMTP_FROM || "Lambdaplane <no-reply@localhost>",
    to: args.to,
    subject: `You are invited to ${args.orgName} on Lambdaplane`,
    text: [
      `${args.invitedBy} invited you to join ${args.orgName} on Lambdaplane as ${args.role}.`,
      "",
      `Accept the invitation: ${args.link}`,
      "",
      "The link works once and expires in 7 days.",
    ].join("\n"),
  });
}
