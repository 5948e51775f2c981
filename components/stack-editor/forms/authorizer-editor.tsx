"use client";
// The authorizer of one HTTP API route: none, Cognito or Lambda, each with its own fields.
import type { HttpApiAuthorizer } from "@/lib/stack";
import type { Path } from "../model/paths";
import { fieldError, fieldId } from "../model/validate";
import { FieldList, type FormContext } from "./field-list";
import { AUTHORIZER_FIELDS, AUTHORIZER_TYPES, createAuthorizer, type AuthorizerType } from "./triggers/authorizer";

export function AuthorizerEditor({ path, authorizer, ctx }: { path: Path; authorizer: HttpApiAuthorizer | undefined; ctx: FormContext }) {
  const id = fieldId([...path, "type"]);
  const current = authorizer ? AUTHORIZER_TYPES.find((t) => t.type === authorizer.type) : undefined;
  const problem = fieldError(ctx.diagnostics, path) ?? fieldError(ctx.diagnostics, [...path, "properties"]);
  return (
    <fieldset className="mt-3 rounded-md border border-slate-200 p-2">
      <legend className="px-1 text-xs font-semibold">Authorizer</legend>
      <div className="flex flex-col gap-1">
        <label htmlFor={id} className="text-xs font-medium text-slate-700">
          Authorizer type
        </label>
        <select
          id={id}
          aria-describedby={`${id}-hint`}
          className="w-full rounded-md border border-slate-300 px-2 py-1 text-sm shadow-sm"
          value={authorizer?.type ?? ""}
          onChange={(e) => ctx.onChange(path, e.target.value === "" ? undefined : createAuthorizer(e.target.value as AuthorizerType))}
        >
          <option value="">None (anyone can call the route)</option>
          {AUTHORIZER_TYPES.map((t) => (
            <option key={t.type} value={t.type}>
              {t.label}
            </option>
          ))}
        </select>
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {current ? current.help : "Default: none. Cognito lets in only users of a user pool; Lambda lets a function decide."}
        </p>
      </div>
      {problem ? <p className="mt-2 text-xs text-red-700">{problem}</p> : null}
      {authorizer ? (
        <div className="mt-3">
          <FieldList key={authorizer.type} specs={AUTHORIZER_FIELDS[authorizer.type]} base={[...path, "properties"]} ctx={ctx} />
        </div>
      ) : null}
    </fieldset>
  );
}
