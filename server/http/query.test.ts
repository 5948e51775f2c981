import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ActionError } from "@/server/auth/errors";
import { errorResponse } from "./json-error";
import { readQuery, revisionQuery, timeRangeQuery } from "./query";

const at = (query: string) => new Request(`http://app.test/api/x?${query}`);
const schema = z.object({ part: z.enum(["yaml", "code"], "must be yaml or code"), revision: revisionQuery });

function refusal(fn: () => unknown): ActionError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ActionError) return e;
    throw e;
  }
  return expect.fail("expected a 400");
}

describe("readQuery", () => {
  it("parses the query with the schema, ignoring parameters it does not name", () => {
    expect(readQuery(at("part=code&revision=4&utm=x"), schema)).toEqual({ part: "code", revision: 4 });
    expect(readQuery(new URL("http://app.test/?part=yaml"), schema)).toEqual({ part: "yaml", revision: undefined });
  });

  it("reads a repeated parameter by its first value, as URLSearchParams.get does", () => {
    expect(readQuery(at("part=yaml&part=pdf"), schema).part).toBe("yaml");
  });

  it("refuses a bad parameter with a 400 naming it and its problem", () => {
    const e = refusal(() => readQuery(at("part=pdf"), schema));
    expect([e.status, e.message, e.fieldErrors]).toEqual([400, "part: must be yaml or code", { part: "must be yaml or code" }]);
    expect(refusal(() => readQuery(at("part=yaml&revision=1e3"), schema)).message).toBe("revision: must be a revision number (a whole number, 1 or more).");
    expect(refusal(() => readQuery(at("part=yaml&revision=0"), schema)).message).toBe("revision: must be a revision number (a whole number, 1 or more).");
  });

  it("answers, through the one JSON error path, 400 with the parameter in error and fieldErrors", async () => {
    const res = errorResponse(refusal(() => readQuery(at("part=pdf"), schema)), "test");
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "part: must be yaml or code", fieldErrors: { part: "must be yaml or code" } });
  });

  it("refuses a query of thousands of parameters quickly, before any schema runs", () => {
    const hostile = Array.from({ length: 5_000 }, (_, i) => `p${i}=${"x".repeat(10)}`).join("&");
    const started = performance.now();
    expect(refusal(() => readQuery(at(hostile), schema)).message).toBe("The query has more than 50 parameters.");
    // Generous: the machines running the suite are shared; a schema run per parameter would take far longer.
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe("timeRangeQuery", () => {
  const q = z.object({ function: z.string().optional() }).and(timeRangeQuery);
  it("gives the default range, a relative one or an absolute one", () => {
    expect(readQuery(at(""), q)).toEqual({ kind: "relative", range: "1h" });
    expect(readQuery(at("function=api&range=3h"), q)).toEqual({ function: "api", kind: "relative", range: "3h" });
    expect(readQuery(at("start=2026-12-01T00:00:00Z&end=2026-12-01T01:00:00Z"), q)).toEqual({ kind: "absolute", start: Date.parse("2026-12-01T00:00:00Z"), end: Date.parse("2026-12-01T01:00:00Z") });
  });

  it("names the parameter at fault", () => {
    expect(refusal(() => readQuery(at("range=2w"), q)).message).toBe("range: must be one of 5m, 15m, 1h, 3h, 12h, 1d, 7d.");
    expect(refusal(() => readQuery(at("start=yesterday&end=2026-12-01T00:00:00Z"), q)).fieldErrors).toEqual({ start: "must be a date and time such as 2026-12-01T08:00:00Z." });
    expect(refusal(() => readQuery(at("start=2026-12-01T01:00:00Z&end=2026-12-01T00:00:00Z"), q)).message).toBe("end: must be after start.");
  });
});
