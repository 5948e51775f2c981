import "server-only";
import { z } from "zod";
import { ActionError } from "@/server/auth/errors";
import { parseTimeRange, type TimeRange } from "@/lib/logs/time-range";

// The one way a route handler reads its query string: a zod schema over the parameters (each named
// once; a repeated one counts by its first value, as URLSearchParams.get reads it), and a 400 that
// names the first bad parameter and its problem, thrown as an ActionError so the route wrappers
// (orgRoute, apiRoute; errorResponse elsewhere) answer it in the one JSON error shape.

// Far beyond any real query; a longer one is refused before any schema runs.
const MAX_PARAMETERS = 50;

export function queryObject(url: URL): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of url.searchParams) {
    if (!Object.hasOwn(out, name)) out[name] = value;
    if (Object.keys(out).length > MAX_PARAMETERS) throw new ActionError(400, `The query has more than ${MAX_PARAMETERS} parameters.`);
  }
  return out;
}

/** The request's query parameters parsed by `schema`; throws a 400 `"<parameter>: <problem>"` with fieldErrors. */
export function readQuery<S extends z.ZodType>(req: Request | URL, schema: S): z.infer<S> {
  const parsed = schema.safeParse(queryObject(req instanceof URL ? req : new URL(req.url)));
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) fieldErrors[issue.path.join(".") || "query"] ??= issue.message;
  const [parameter, problem] = Object.entries(fieldErrors)[0];
  throw new ActionError(400, `${parameter}: ${problem}`, fieldErrors);
}

/** range= (a relative range) or start=&end=, as the log viewer sends them, parsed into a TimeRange. */
export const timeRangeQuery = z
  .object({ range: z.string().optional(), start: z.string().optional(), end: z.string().optional() })
  .transform((q, ctx): TimeRange => {
    const parsed = parseTimeRange({ get: (name) => q[name as keyof typeof q] ?? null });
    if (parsed.ok) return parsed.range;
    ctx.addIssue({ code: "custom", path: [parsed.field], message: parsed.message });
    return z.NEVER;
  });

/** ?revision=N: a revision number (absent: the latest). */
export const revisionQuery = z
  .string()
  .regex(/^\d{1,9}$/, "must be a revision number (a whole number, 1 or more).")
  .transform(Number)
  .refine((n) => n >= 1, "must be a revision number (a whole number, 1 or more).")
  .optional();
