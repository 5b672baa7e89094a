import { checkHealth } from "@/lib/data/health";

export const dynamic = "force-dynamic";

/** For load balancers: 200 when the app can reach its database, 503 otherwise. */
export async function GET() {
  const ok = await checkHealth();
  return Response.json({ ok }, { status: ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
