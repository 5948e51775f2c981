import "server-only";
import { invalid } from "@/server/auth/errors";
import { awsEndpointOverrideAllowed, INSTANCE_SETTINGS, instanceCredentialsAllowed } from "@/server/instance/settings";
import { checkOutboundUrl, literalAddressAllowed } from "@/server/net/outbound";

// What this instance lets an AWS connection do. The server's own credentials (the default chain)
// and an endpoint override each widen what a tenant reaches, so each needs its instance setting:
// checked when a connection is saved, and again whenever one is used (it may predate the setting).

interface ConnectionShape {
  credentialType: "assume_role" | "default_chain";
  endpoint: string | null;
}

const INSTANCE_CREDENTIALS_OFF = `This instance does not let organizations use the server's own AWS credentials (${INSTANCE_SETTINGS.instanceCredentials} is off): assume an IAM role in your account instead.`;
const ENDPOINT_OFF = `This instance does not allow an endpoint override (${INSTANCE_SETTINGS.awsEndpointOverride} is off): connections call AWS itself.`;

/** Why the connection may not be used on this instance, or null when it may. */
export function connectionRefusal(connection: ConnectionShape): string | null {
  if (connection.credentialType === "default_chain" && !instanceCredentialsAllowed()) return INSTANCE_CREDENTIALS_OFF;
  if (connection.endpoint && !awsEndpointOverrideAllowed()) return ENDPOINT_OFF;
  return null;
}

/** A connection refused by the instance settings; describeAwsError shows its message as it is. */
export class ConnectionNotAllowed extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConnectionNotAllowed";
  }
}

/** Refuses, naming the field, what a create or update may not save on this instance. */
export function checkConnectionAllowed(fields: ConnectionShape): void {
  if (fields.credentialType === "default_chain" && !instanceCredentialsAllowed()) throw invalid("credentialType", INSTANCE_CREDENTIALS_OFF);
  if (!fields.endpoint) return;
  if (!awsEndpointOverrideAllowed()) throw invalid("endpoint", ENDPOINT_OFF);
  const checked = checkOutboundUrl(fields.endpoint);
  if (!checked.ok) throw invalid("endpoint", `Endpoint ${checked.problem}.`);
  if (!literalAddressAllowed(checked.url)) throw invalid("endpoint", "Endpoint points to a private address that LAMBDAPLANE_OUTBOUND_ALLOW does not list.");
}
