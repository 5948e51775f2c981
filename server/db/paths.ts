import path from "node:path";
import { fileURLToPath } from "node:url";

// Resolved from this file, not the working directory, so scripts work from anywhere in the checkout.
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const SCHEMA_PATH = path.join(REPO_ROOT, "prisma/schema.prisma");
export const MIGRATIONS_DIR = path.join(REPO_ROOT, "prisma/migrations");
/** Local state of the dev command (embedded PostgreSQL, dev secrets); git-ignored. */
export const DATA_DIR = path.join(REPO_ROOT, ".data");
