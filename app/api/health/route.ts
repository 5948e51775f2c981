// Liveness: the process runs and answers. Nothing else is checked (a database outage must not get
// every web process restarted); /api/ready says whether it can serve. Public, not rate limited.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
