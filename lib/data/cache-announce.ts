import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { CHANNEL } from "@/lib/cache/channel.mjs";

// A change's cache tags are announced with pg_notify inside the transaction that writes it:
// PostgreSQL delivers the notice to every app process when (and only when) the change commits, so
// a rolled-back change tells nobody and a committed one always tells everybody, itself included.
// The Server Action then calls expireTags as well, for Next's own per-request bookkeeping.

// NOTIFY payloads are capped at 8000 bytes: long tag lists go in pieces.
const TAGS_PER_NOTICE = 100;

export async function announceExpiredTags(tx: Prisma.TransactionClient, tags: string[]): Promise<void> {
  const unique = [...new Set(tags)];
  for (let start = 0; start < unique.length; start += TAGS_PER_NOTICE) {
    const payload = JSON.stringify({ tags: unique.slice(start, start + TAGS_PER_NOTICE) });
    await tx.$executeRaw`select pg_notify(${CHANNEL}, ${payload})`;
  }
}
