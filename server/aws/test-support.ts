// For tests only. What `npm run dev` and the e2e servers set for their emulator, set for this test
// process: connections may use an endpoint override and the default chain (emulator credentials),
// and the outbound guard lets them reach exactly these loopback endpoints.
import { INSTANCE_SETTINGS } from "@/server/instance/settings";

export function allowAwsEmulator(...endpoints: string[]): void {
  process.env[INSTANCE_SETTINGS.awsEndpointOverride] = "1";
  process.env[INSTANCE_SETTINGS.instanceCredentials] = "1";
  const hosts = endpoints.map((e) => new URL(e).host);
  process.env[INSTANCE_SETTINGS.outboundAllow] = [process.env[INSTANCE_SETTINGS.outboundAllow], ...hosts].filter(Boolean).join(",");
}
