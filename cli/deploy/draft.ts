// What the commands that talk to a server share: the server and token from flags or the
// environment, and a local stack file read, checked and bundled with the handler files it imports.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { analyzeStack, formatDiagnostic, hasErrors } from "@/lib/stack";
import { specAttributes } from "@/server/validate/cfn-attributes";
import { UsageError } from "../args";
import { collectCode } from "./code-files";

export interface ServerConnection {
  server: string;
  token: string;
}

/** `scope`: the token scope the command needs, named in the error when the token is missing. */
export function serverConnection(values: { server?: string; token?: string }, env: Record<string, string | undefined>, scope: string): ServerConnection {
  const server = values.server ?? env.LAMBDAPLANE_SERVER;
  const token = values.token ?? env.LAMBDAPLANE_TOKEN;
  if (!server) throw new UsageError("--server is required (or set LAMBDAPLANE_SERVER)");
  if (!/^https?:\/\/[^/]/.test(server)) throw new UsageError(`--server '${server}' must be an http:// or https:// URL`);
  if (!token) throw new UsageError(`--token is required (or set LAMBDAPLANE_TOKEN): create one with the ${scope} scope under Settings → API tokens`);
  return { server, token };
}

export interface Draft {
  /** The file as the user named it, relative to the working directory. */
  shown: string;
  yaml: string;
  code: Record<string, string>;
}

/** Checked here first so that a typo is reported against the local file, with its line. */
export async function readDraft(file: string, stderr: (text: string) => void): Promise<Draft> {
  const shown = path.relative(process.cwd(), path.resolve(file)) || file;
  let yaml: string;
  try {
    yaml = await readFile(file, "utf8");
  } catch (e) {
    throw new UsageError(`--file ${shown}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message}`);
  }
  const analyzed = analyzeStack(yaml, { file: shown, cfnAttributes: specAttributes });
  if (!analyzed.definition || hasErrors(analyzed.diagnostics)) {
    for (const d of analyzed.diagnostics.filter((x) => x.severity === "error")) stderr(`${formatDiagnostic(d)}\n`);
    throw new UsageError(`${shown} is not a valid stack definition`);
  }
  return { shown, yaml, code: await collectCode(file, analyzed.definition) };
}
