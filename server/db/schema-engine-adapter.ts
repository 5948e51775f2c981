// The database side of the offline schema engine: a @prisma/adapter-pg connection adjusted in the
// three places where adapter-pg 7.10, built for the query engine, falls short for the schema engine.
//
// 1. The internal `"char"` type (oid 18). The schema engine's introspection reads catalog columns of
//    that type (pg_class.relkind, pg_constraint.contype, pg_type.typtype ...). adapter-pg maps every
//    result column to a Prisma column type and throws UnsupportedNativeDataType for oid 18. Each pool
//    connection relabels oid-18 columns as text (oid 25) in the RowDescription message, before pg and
//    adapter-pg read it. pg already returns both as JS strings (a single ASCII character here) and the
//    engine reads these columns as strings, so only the label changes.
// 2. Migration scripts. adapter-pg's executeScript splits the script on ";" and so breaks any
//    function body (`$$ ... ; ... $$`), such as the immutability triggers of the init migration. Here a
//    script is sent whole as one simple-protocol query, as the native engine does: PostgreSQL runs
//    it statement by statement in one implicit transaction, so a failing migration leaves nothing behind.
// 3. The shadow database. adapter-pg's connectToShadowDb spreads `{ ...config, database }`, which a
//    connection string overrides (the "shadow" connection then lands in the main database), and it
//    drops the database before closing its pool ("is being accessed by other users"). Here the
//    shadow database gets its own URL, and is dropped after its pool has ended.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { quoteIdent, withDatabase } from "./database-url";

const CHAR_OID = 18;
const TEXT_OID = 25;

type RowDescription = { fields: { dataTypeID: number }[] };

function relabelCharAsText(message: RowDescription): void {
  for (const field of message.fields) {
    if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
  }
}

function schemaEnginePool(databaseUrl: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  // prependListener: runs before pg.Client's own handler turns the message into result fields.
  pool.on("connect", (client) => client.connection.prependListener("rowDescription", relabelCharAsText));
  return pool;
}

async function runAdminStatement(databaseUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A factory the schema engine can use offline; `close()` ends every connection it opened. */
export class SchemaEngineAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName = "@prisma/adapter-pg";
  private readonly open = new Set<SqlDriverAdapter>();

  constructor(private readonly databaseUrl: string) {}

  connect(): Promise<SqlDriverAdapter> {
    return this.connectTo(this.databaseUrl, async () => {});
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const name = `prisma_migrate_shadow_db_${randomUUID()}`;
    await runAdminStatement(this.databaseUrl, `CREATE DATABASE ${quoteIdent(name)}`);
    return this.connectTo(withDatabase(this.databaseUrl, name), () =>
      runAdminStatement(this.databaseUrl, `DROP DATABASE IF EXISTS ${quoteIdent(name)}`),
    );
  }

  async close(): Promise<void> {
    await Promise.all([...this.open].map((adapter) => adapter.dispose()));
  }

  private async connectTo(databaseUrl: string, afterDispose: () => Promise<void>): Promise<SqlDriverAdapter> {
    const inner = await new PrismaPg(schemaEnginePool(databaseUrl), { disposeExternalPool: true }).connect();
    let disposed: Promise<void> | undefined;
    const adapter: SqlDriverAdapter = {
      provider: inner.provider,
      adapterName: inner.adapterName,
      queryRaw: (query) => inner.queryRaw(query),
      executeRaw: (query) => inner.executeRaw(query),
      // No bind parameters, so pg uses the simple query protocol, which accepts many statements.
      executeScript: async (script) => {
        await inner.executeRaw({ sql: script, args: [], argTypes: [] });
      },
      startTransaction: (isolationLevel) => inner.startTransaction(isolationLevel),
      getConnectionInfo: () => inner.getConnectionInfo(),
      dispose: () => {
        disposed ??= inner
          .dispose()
          .then(afterDispose)
          .finally(() => this.open.delete(adapter));
        return disposed;
      },
    };
    this.open.add(adapter);
    return adapter;
  }
}
