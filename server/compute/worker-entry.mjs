// The entry of every compute worker thread (server/compute/pool.ts). Plain JavaScript at a fixed
// place in the checkout, so it loads the same way under `next start`, `next dev`, tsx and vitest:
// Turbopack never bundles it, and tsx compiles the TypeScript tasks it imports (cached on disk).
import { fileURLToPath } from "node:url";
import { parentPort } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

const { tasks, warmWorker } = await tsImport(new URL("./tasks.ts", import.meta.url).href, {
  parentURL: import.meta.url,
  tsconfig: fileURLToPath(new URL("../../tsconfig.json", import.meta.url)),
});

warmWorker();
// piscina marks the first workers ready as soon as their threads start; pool.ts counts this message instead.
parentPort.postMessage({ lambdaplaneWorkerLoaded: true });

/**
 * One job: `{ name, args, started }` from runCompute; the result goes back by structured clone.
 * `started` tells runCompute the job is running, so its time limit counts running, not waiting.
 */
export default function runTask({ name, args, started }) {
  started.postMessage("started");
  started.close();
  return tasks[name](...args);
}
