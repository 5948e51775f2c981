// Development secrets, generated once per checkout and kept in .data/dev-secrets.json (git-ignored)
// so sessions and encrypted rows survive restarts. Values set in the environment win.
import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

export type DevSecrets = { NEXTAUTH_SECRET: string; LAMBDAPLANE_ENCRYPTION_KEY: string };

const GENERATORS: Record<keyof DevSecrets, () => string> = {
  NEXTAUTH_SECRET: () => randomBytes(32).toString("base64url"),
  // server/crypto.ts: 32 bytes, as hex or base64.
  LAMBDAPLANE_ENCRYPTION_KEY: () => randomBytes(32).toString("hex"),
};

export async function devSecrets(file: string, env: Record<string, string | undefined> = process.env): Promise<DevSecrets> {
  const stored = JSON.parse(await readFile(file, "utf8").catch(() => "{}")) as Partial<DevSecrets>;
  const secrets = { ...stored };
  for (const name of Object.keys(GENERATORS) as (keyof DevSecrets)[]) secrets[name] ??= GENERATORS[name]();
  if (JSON.stringify(secrets) !== JSON.stringify(stored)) {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  }
  return {
    NEXTAUTH_SECRET: env.NEXTAUTH_SECRET || (secrets.NEXTAUTH_SECRET as string),
    LAMBDAPLANE_ENCRYPTION_KEY: env.LAMBDAPLANE_ENCRYPTION_KEY || (secrets.LAMBDAPLANE_ENCRYPTION_KEY as string),
  };
}
