import { processCache } from "@/lib/cache/shared-cache-handler.mjs";
import { checkDatabase } from "@/lib/data/health";

export const dynamic = "force-dynamic";

/**
 * For load balancers and monitors: 200 when the app reaches its database and its cache bus listens,
 * 503 otherwise, with each one's state: { ok, database: "up" | "down", bus: "up" | "connecting" | "down" }.
 */
export async function GET() {
  // Starts the bus when this is the process's first request.
  const { bus } = processCache();
  const database = await checkDatabase();
  const busState = bus?.state ?? "down";
  const ok = database && busState === "up";
  return Response.json(
    { ok, database: database ? "up" : "down", bus: busState, busSince: new Date(bus?.since ?? Date.now()).toISOString() },
    { status: ok ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
