import "server-only";
import { CHANNEL } from "@/lib/cache/channel.mjs";
import { cacheTags } from "@/lib/cache/tags";
import { db } from "@/lib/db";

/**
 * Tells every app process (and, through them, the CDN) that a selection's running totals changed.
 * No transaction to ride along with: the ballot is already committed when this is sent.
 */
export async function announceTotalsChanged(slug: string): Promise<void> {
  await db.$executeRaw`select pg_notify(${CHANNEL}, ${JSON.stringify({ tags: [cacheTags.selectionTotals(slug)] })})`;
}
