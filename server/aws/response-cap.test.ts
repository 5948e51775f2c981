import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ListFunctionsCommand } from "@aws-sdk/client-lambda";
import { lambdaClient } from "./clients";
import { allowAwsEmulator } from "./test-support";

// A hostile "emulator" a tenant could name as its endpoint: it answers every call with more bytes
// than the cap (64 MB), declared up front or streamed without a length.
const BIG = 64 * 1024 * 1024;
let server: http.Server;
let endpoint: string;
let sent = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const declared = req.url?.includes("declared");
    res.writeHead(200, { "content-type": "application/json", ...(declared ? { "content-length": String(BIG) } : {}) });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let written = 0;
    const pump = () => {
      while (written < BIG) {
        written += chunk.length;
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once("drain", pump);
      }
      res.end();
    };
    res.on("close", () => (written = BIG));
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  allowAwsEmulator(endpoint);
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

const connection = (path: string) => ({ credentialType: "default_chain" as const, roleArn: null, externalId: null, endpoint: `${endpoint}${path}` });

describe("answers of an endpoint override are read under a size cap", () => {
  it("refuses an answer streamed without a length once it passes 16 MB, without reading the rest", async () => {
    sent = 0;
    const client = lambdaClient(connection("/streamed"), "us-east-1", { maxAttempts: 1 });
    await expect(client.send(new ListFunctionsCommand({}))).rejects.toThrow("answer too large");
    // 16 MB read, plus what the sockets buffered: far from the 64 MB on offer.
    expect(sent).toBeLessThan(BIG / 2);
  });

  it("refuses an answer that declares more than the cap before reading its body", async () => {
    const client = lambdaClient(connection("/declared"), "us-east-1", { maxAttempts: 1 });
    await expect(client.send(new ListFunctionsCommand({}))).rejects.toThrow("answer too large");
  });
});
