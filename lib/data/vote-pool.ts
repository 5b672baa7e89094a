import "server-only";
import pg from "pg";
import { DetachedClient } from "@/lib/detached-context.mjs";
import { getDatabaseUrl } from "@/lib/env";

// The voting hot path (a ballot: the retry lookup, the two limit counts, the insert) runs on plain
// node-postgres rather than Prisma: these few fixed statements are the whole work of a ballot, and
// Prisma's per-query cost (query compilation in its WASM engine, tracing spans) was most of the
// server's CPU per ballot in `npm run bench:vote`. Its own pool, so a burst of ballots never queues
// behind the editors' Prisma queries (and the other way round). Ten connections: a ballot holds one
// at a time for well under a millisecond of database work, and the limits take two at once.
const MAX_CONNECTIONS = 10;

export function votePool(): pg.Pool {
  const store = globalThis as unknown as { roundupVotePool?: pg.Pool };
  store.roundupVotePool ??= new pg.Pool({ connectionString: getDatabaseUrl(), max: MAX_CONNECTIONS, idleTimeoutMillis: 10_000, allowExitOnIdle: true, Client: DetachedClient });
  return store.roundupVotePool;
}
