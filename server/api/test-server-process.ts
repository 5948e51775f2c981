// For integration tests that need several web processes on one database: the /api/v1 handlers
// behind startApiServer in a process of its own. Prints `listening <url>` once it serves; stops on
// SIGTERM. Run with `tsx --conditions=react-server` (server modules import "server-only").
import { startApiServer } from "./test-server";

const api = await startApiServer();
console.log(`listening ${api.url}`);
process.on("SIGTERM", () => void api.stop().then(() => process.exit(0)));
