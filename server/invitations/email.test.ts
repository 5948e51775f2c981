import { createServer, type Server, type Socket } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { sendInvitationEmail } from "./email";

// A minimal SMTP server on loopback stands in for an internal mail relay: the outbound guard must
// refuse it unless LAMBDAPLANE_OUTBOUND_ALLOW lists it.
let server: Server;
let port: number;
const connections: Socket[] = [];
const messages: string[] = [];

beforeAll(async () => {
  server = createServer((socket) => {
    connections.push(socket);
    let data = false;
    let message = "";
    socket.write("220 relay.test ESMTP\r\n");
    socket.on("data", (chunk) => {
      for (const line of chunk.toString().split("\r\n").filter((l, i, all) => l !== "" || i < all.length - 1)) {
        if (data) {
          if (line === ".") {
            data = false;
            messages.push(message);
            socket.write("250 queued\r\n");
          } else message += `${line}\n`;
        } else if (/^(EHLO|HELO)/i.test(line)) socket.write("250 relay.test\r\n");
        else if (/^DATA/i.test(line)) {
          data = true;
          socket.write("354 go on\r\n");
        } else if (/^QUIT/i.test(line)) socket.end("221 bye\r\n");
        else socket.write("250 ok\r\n");
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as { port: number }).port;
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
});
afterEach(() => {
  delete process.env.LAMBDAPLANE_OUTBOUND_ALLOW;
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  for (const c of connections) c.destroy();
  await new Promise((r) => server.close(r));
});

const invite = { to: "new@example.com", orgName: "Acme", role: "viewer", link: "https://lp.example.com/invite/abc", invitedBy: "owner@acme.test" };

describe("invitation email", () => {
  it("refuses an SMTP relay on an internal address that the allowlist does not list, without connecting", async () => {
    await expect(sendInvitationEmail(invite)).rejects.toThrow(/its address is loopback, not public/);
    process.env.SMTP_URL = `smtp://localhost:${port}`;
    await expect(sendInvitationEmail(invite)).rejects.toThrow(/not public/);
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    expect(connections).toHaveLength(0);
  });

  it("sends through a relay the allowlist lists", async () => {
    process.env.LAMBDAPLANE_OUTBOUND_ALLOW = `127.0.0.1:${port}`;
    await sendInvitationEmail(invite);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain("https://lp.example.com/invite/abc");
  });
});
