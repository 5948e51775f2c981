"use client";
import { useId, useRef, useState, type ChangeEvent, type FormEvent } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { importStack } from "@/server/actions/stacks/import-stack";
import type { ImportProblem } from "@/server/stacks/import-zip";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ErrorText } from "@/components/ui/alert";
import { ImportProblems } from "./import-problems";
import { failureOf, useServerAction } from "@/components/ui/use-server-action";

/** Base64 in chunks: String.fromCharCode over a whole file overflows the call stack. */
function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function summaryOf(problems: ImportProblem[]): string {
  const errors = problems.filter((p) => p.severity === "error").length;
  return `The import has ${errors} error${errors === 1 ? "" : "s"}; nothing was created. Fix ${errors === 1 ? "it" : "them"} and import again:`;
}

const fileInput = "text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm";

export function ImportStackForm({ orgSlug }: { orgSlug: string }) {
  const router = useRouter();
  const ids = { yaml: useId(), yamlError: useId(), yamlFile: useId(), zip: useId(), zipError: useId(), hint: useId(), zipHint: useId() };
  const yamlRef = useRef<HTMLTextAreaElement>(null);
  const [yamlName, setYamlName] = useState("stack.yml");
  const [imported, setImported] = useState<{ name: string; warnings: ImportProblem[] } | null>(null);
  const mutation = useServerAction(importStack);
  const failure = failureOf(mutation.data);
  const problems = (failure?.details?.problems as ImportProblem[] | undefined) ?? [];
  const fe = failure?.fieldErrors ?? {};
  const zipError = Object.entries(fe).find(([field]) => field.startsWith("zip"))?.[1];
  const atAField = Boolean(fe.name || fe.yaml || zipError);
  const stackUrl = (n: string) => `/${orgSlug}/stacks/${encodeURIComponent(n)}`;

  async function pickYaml(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return;
    if (yamlRef.current) yamlRef.current.value = await file.text();
    setYamlName(file.name);
  }

  // Read from the form itself, not from state: what was typed or picked before the page hydrated counts too.
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setImported(null);
    const form = new FormData(e.currentTarget);
    const name = String(form.get("name") ?? "");
    const yaml = String(form.get("yaml") ?? "");
    const file = form.get("zip");
    const zip = file instanceof File && file.size > 0 ? { name: file.name, base64: toBase64(new Uint8Array(await file.arrayBuffer())) } : undefined;
    const r = await mutation.mutateAsync({ orgSlug, name, yaml, yamlName, ...(zip ? { zip } : {}) });
    if (!r.ok) return;
    if (r.data.warnings.length === 0) router.push(stackUrl(r.data.name));
    else setImported({ name: r.data.name, warnings: r.data.warnings });
  }

  if (imported) {
    return (
      <div className="flex flex-col gap-3" role="status">
        <p>
          Imported <strong>{imported.name}</strong> as revision 1, with {imported.warnings.length} warning{imported.warnings.length === 1 ? "" : "s"}:
        </p>
        <ImportProblems problems={imported.warnings} label="Import warnings" />
        <Link className="text-indigo-700 hover:underline" href={stackUrl(imported.name)}>
          Open {imported.name}
        </Link>
      </div>
    );
  }

  return (
    <form onSubmit={submit} aria-label="Import stack" className="flex max-w-3xl flex-col gap-4">
      <Field label="Stack name" name="name" error={fe.name} className="w-80" />
      <div className="flex flex-col gap-1">
        <label htmlFor={ids.yaml} className="text-sm font-medium text-slate-700">
          Stack definition (YAML)
        </label>
        <textarea
          id={ids.yaml}
          ref={yamlRef}
          name="yaml"
          onChange={() => setYamlName("stack.yml")}
          rows={14}
          spellCheck={false}
          aria-describedby={fe.yaml ? `${ids.yamlError} ${ids.hint}` : ids.hint}
          aria-invalid={fe.yaml ? true : undefined}
          className={`rounded-md border bg-white px-3 py-2 font-mono text-xs shadow-sm ${fe.yaml ? "border-red-500" : "border-slate-300"}`}
        />
        {fe.yaml ? (
          <p id={ids.yamlError} role="alert" className="text-sm text-red-600">
            {fe.yaml}
          </p>
        ) : null}
        <p id={ids.hint} className="text-xs text-slate-500">
          Paste a Stacktape-style <code>resources:</code> definition, or upload the file. entryfilePath values are relative to it.
        </p>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={ids.yamlFile} className="text-sm font-medium text-slate-700">
          Or upload the YAML file
        </label>
        <input id={ids.yamlFile} type="file" accept=".yml,.yaml,.json,application/yaml,text/yaml" onChange={pickYaml} className={fileInput} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={ids.zip} className="text-sm font-medium text-slate-700">
          Handler files (zip, optional)
        </label>
        <input
          id={ids.zip}
          name="zip"
          type="file"
          accept=".zip,application/zip"
          aria-describedby={zipError ? `${ids.zipError} ${ids.zipHint}` : ids.zipHint}
          aria-invalid={zipError ? true : undefined}
          className={fileInput}
        />
        {zipError ? (
          <p id={ids.zipError} role="alert" className="text-sm text-red-600">
            {zipError}
          </p>
        ) : null}
        <p id={ids.zipHint} className="text-xs text-slate-500">Paths inside the zip are relative to the YAML file, e.g. src/handler.ts.</p>
      </div>
      {/* The server's message repeats a field error or the first problem: say each thing once. */}
      {failure && !atAField ? <ErrorText message={problems.length ? summaryOf(problems) : failure.error} /> : null}
      <ImportProblems problems={problems} label="Import problems" />
      <div>
        <Button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? "Importing…" : "Import stack"}
        </Button>
      </div>
    </form>
  );
}
