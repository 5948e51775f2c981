import "server-only";
import { recordHttpRequest } from "./metrics";
import { requestIdFrom, withRequestScope } from "./request-scope";

/** Runs a route wrapper's work under the request's log scope (id; the wrapper binds the organization) and times it for /api/metrics. */
export function observedRequest(route: "orgs" | "v1", req: Request, work: () => Promise<Response>): Promise<Response> {
  return withRequestScope({ requestId: requestIdFrom(req.headers) }, async () => {
    const started = performance.now();
    let status = 500;
    try {
      const res = await work();
      status = res.status;
      return res;
    } finally {
      recordHttpRequest(route, req.method, status, (performance.now() - started) / 1000);
    }
  });
}
