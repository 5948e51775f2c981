// Loads Prisma's schema engine compiled to WebAssembly and runs it against a database through
// SchemaEngineAdapterFactory. This replaces the native schema-engine binary, which the Prisma CLI
// downloads at run time (impossible offline). The package version is pinned to prisma's engines hash.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaContainer, SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { SchemaEngineAdapterFactory } from "./schema-engine-adapter";

declare global {
  // The wasm bindings report a Rust panic's message here before the call traps.
  var PRISMA_WASM_PANIC_REGISTRY: { set_message(message: string): void } | undefined;
}

let instantiated: Promise<void> | undefined;

// The package's own entry imports the .wasm file as an ES module, which Node 20 cannot do, so the
// module is instantiated by hand against the same JS glue, once per process.
function instantiateEngine(): Promise<void> {
  instantiated ??= (async () => {
    const glue = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(path.join(path.dirname(glue), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bindings });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message: (message) => console.error(`prisma schema engine panicked: ${message}`),
    };
  })();
  return instantiated;
}

function logEngineMessage(message: string): void {
  if (process.env.DEBUG?.includes("prisma:schema-engine")) console.error(`[schema-engine] ${message}`);
}

/** Opens the engine on `databaseUrl` with the given Prisma schema, runs `work`, then frees the engine and its connections. */
export async function withSchemaEngine<T>(
  databaseUrl: string,
  schema: SchemaContainer,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  await instantiateEngine();
  const adapters = new SchemaEngineAdapterFactory(databaseUrl);
  const engine = await bindings.SchemaEngine.new(
    { datamodels: [[schema.path, schema.content]] },
    logEngineMessage,
    bindMigrationAwareSqlAdapterFactory(adapters),
  );
  try {
    return await work(engine);
  } finally {
    engine.free();
    await adapters.close();
  }
}
