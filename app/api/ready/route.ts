import { checkReadiness } from "@/server/ops/readiness";
import { readinessResponse } from "@/server/ops/readiness-report";

// Readiness for load balancers and orchestrators: 200 when this process can serve, else 503 naming
// the failing check. Public and not rate limited (probes come often, from the infrastructure's own
// addresses); it reveals no more than which check fails.
export const dynamic = "force-dynamic";

export async function GET() {
  return readinessResponse(await checkReadiness());
}
