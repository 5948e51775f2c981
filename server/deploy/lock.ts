import "server-only";
import pg from "pg";

// One runner per deployment, across every worker process: a PostgreSQL session advisory lock, held
// on a connection of its own while the deployment runs. A process that dies drops its connection
// and with it the lock, so a crashed run never blocks the next one.

const LOCK_CLASS = 7_340_001;

export interface DeploymentLock {
  release(): Promise<void>;
}

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set.");
  return url;
}

export async function tryLockDeployment(deploymentId: string): Promise<DeploymentLock | null> {
  const client = new pg.Client({ connectionString: databaseUrl(), application_name: "lambdaplane-deploy-lock" });
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked", [LOCK_CLASS, deploymentId]);
    if (!rows[0]?.locked) {
      await client.end();
      return null;
    }
  } catch (error) {
    await client.end();
    throw error;
  }
  return { release: () => client.end() };
}

/** Whether some session holds the deployment's lock (checked by taking and dropping it on `client`). */
export async function isDeploymentLocked(client: pg.ClientBase, deploymentId: string): Promise<boolean> {
  const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked", [LOCK_CLASS, deploymentId]);
  if (!rows[0]?.locked) return true;
  await client.query("SELECT pg_advisory_unlock($1, hashtext($2))", [LOCK_CLASS, deploymentId]);
  return false;
}
