import "server-only";
import nodemailer from "nodemailer";
import SMTPTransport from "nodemailer/lib/smtp-transport";
import { guardedSocket } from "@/server/net/outbound";

// SMTP is optional: without SMTP_URL the inviter copies the link from the page instead.
export function smtpConfigured(): boolean {
  return Boolean(process.env.SMTP_URL);
}

const CONNECT_TIMEOUT_MS = 10_000;

// SMTP_URL is the operator's, but its host gets the same address rules as every user-supplied URL:
// a relay on the internal network must be listed in LAMBDAPLANE_OUTBOUND_ALLOW. The socket is
// opened here, to the checked address; nodemailer speaks SMTP (and TLS, against the host name) over it.
const getSocket: SMTPTransport.Options["getSocket"] = (options, callback) => {
  const port = Number(options.port) || (options.secure ? 465 : 587);
  guardedSocket(options.host ?? "localhost", port, CONNECT_TIMEOUT_MS).then(
    (connection) => callback(null, { connection }),
    (error: Error) => callback(error, {}),
  );
};

export async function sendInvitationEmail(args: { to: string; orgName: string; role: string; link: string; invitedBy: string }): Promise<void> {
  // The SMTP transport itself: createTransport(url) would drop getSocket when it parses the URL.
  const transport = nodemailer.createTransport(new SMTPTransport({ url: process.env.SMTP_URL, getSocket }));
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
