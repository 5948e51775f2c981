import "server-only";
import pg from "pg";
import type { Db } from "@/server/db/types";

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

// A stage's change-set lock: a plan holds it (like a deployment's, on its own connection) from before
// it checks that no deployment is in flight until its change set is deleted, and a deploy or stack
// deletion takes it for the transaction that starts it. So a plan's change set never overlaps a
// deploy's CloudFormation operation: whichever comes second is refused.
const STAGE_LOCK_CLASS = 7_340_002;

async function trySessionLock(lockClass: number, key: string, applicationName: string): Promise<DeploymentLock | null> {
  const client = new pg.Client({ connectionString: databaseUrl(), application_name: applicationName });
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked", [lockClass, key]);
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

export function tryLockDeployment(deploymentId: string): Promise<DeploymentLock | null> {
  return trySessionLock(LOCK_CLASS, deploymentId, "lambdaplane-deploy-lock");
}

/** The stage's change-set lock for as long as a plan runs; null while another plan or a deploy start holds it. */
export function tryLockStageForPlan(stageId: string): Promise<DeploymentLock | null> {
  return trySessionLock(STAGE_LOCK_CLASS, stageId, "lambdaplane-plan-lock");
}

/** Takes the stage's change-set lock until `tx` ends; false while a plan holds it. */
export async function lockStageForTransaction(tx: Db, stageId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${STAGE_LOCK_CLASS}::int, hashtext(${stageId})) AS locked`;
  return rows[0]?.locked === true;
}

/** Whether some session holds the deployment's lock (checked by taking and dropping it on `client`). */
export async function isDeploymentLocked(client: pg.ClientBase, deploymentId: string): Promise<boolean> {
  const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked", [LOCK_CLASS, deploymentId]);
  if (!rows[0]?.locked) return true;
  await client.query("SELECT pg_advisory_unlock($1, hashtext($2))", [LOCK_CLASS, deploymentId]);
  return false;
}
