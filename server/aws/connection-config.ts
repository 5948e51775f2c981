import "server-only";
import { decryptSecret } from "@/server/crypto";

/** What the client factory needs to reach AWS for one connection (secrets decrypted). */
export interface AwsConnectionConfig {
  credentialType: "assume_role" | "default_chain";
  roleArn: string | null;
  externalId: string | null;
  /** Endpoint override for an emulator (moto, LocalStack); null for AWS itself. */
  endpoint: string | null;
}

export interface AwsConnectionRow {
  credentialType: "assume_role" | "default_chain";
  roleArn: string | null;
  externalIdEncrypted: string | null;
  endpoint: string | null;
}

export function connectionConfig(row: AwsConnectionRow): AwsConnectionConfig {
  return {
    credentialType: row.credentialType,
    roleArn: row.roleArn,
    externalId: row.externalIdEncrypted ? decryptSecret(row.externalIdEncrypted) : null,
    endpoint: row.endpoint,
  };
}
