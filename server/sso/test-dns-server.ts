import dns2 from "dns2";

// A real DNS server on loopback for the tests (integration and e2e): the resolver code under test
// talks UDP to it exactly as it would to a production resolver. Never used by the app itself.

/**
 * TXT records of a name (a record given as several strings is sent as that many character-strings);
 * [] answers "no TXT data", null "no such name" (NXDOMAIN), "silent" never answers.
 */
export type TxtAnswer = (string | string[])[] | null | "silent";

export interface TestDnsServer {
  /** `127.0.0.1:<port>`, what LAMBDAPLANE_DNS_SERVERS and Resolver#setServers accept. */
  address: string;
  close(): Promise<void>;
}

const NXDOMAIN = 3;

export async function startTestDnsServer(answer: (name: string) => TxtAnswer): Promise<TestDnsServer> {
  const { Packet } = dns2;
  const server = dns2.createServer({
    udp: true,
    handle: (request, send) => {
      const response = Packet.createResponseFromRequest(request);
      const [question] = request.questions;
      const name = question.name.toLowerCase().replace(/\.$/, "");
      const found = answer(name);
      if (found === "silent") return;
      if (found === null) response.header.rcode = NXDOMAIN;
      else if (question.type === Packet.TYPE.TXT) {
        for (const data of found) {
          // dns2's typings want a parsed Resource; a plain record is what its encoder takes.
          response.answers.push({ name: question.name, type: Packet.TYPE.TXT, class: Packet.CLASS.IN, ttl: 60, data } as unknown as dns2.Packet.Resource);
        }
      }
      send(response);
    },
  });
  const addresses = await server.listen({ udp: { port: 0, address: "127.0.0.1" } });
  return { address: `127.0.0.1:${addresses.udp!.port}`, close: () => server.close() };
}

/** A zone as a map from record name to TXT values; names not in it are NXDOMAIN. */
export function zoneAnswer(zone: Map<string, TxtAnswer>): (name: string) => TxtAnswer {
  return (name) => (zone.has(name) ? zone.get(name)! : null);
}
