import "server-only";
import crypto from "node:crypto";
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { votePool } from "@/lib/data/vote-pool";
import { rateLimited } from "@/lib/errors";
import { BALLOT_ERROR_TEXT } from "@/lib/selection/ballot-errors";
import { networkOf } from "@/lib/selection/network";

// Ballot limits per client address and per network (/24, /48), counted in PostgreSQL by
// rate-limiter-flexible (one atomic INSERT … ON CONFLICT DO UPDATE per key, the same store as the
// sign-in limits in lib/data/throttle.ts), so every app process shares them. The address comes from
// lib/auth/client-address.ts, which honours TRUST_PROXY.
//
// Two thresholds per key and window. Past the first, ballots still count but are flagged as looking
// automated (the editor sees them and may exclude them: families and offices share addresses, so
// they are not dropped). Past the second, ballots are refused.

export const BALLOT_LIMITS = {
  windowSeconds: 10 * 60,
  address: { flagAfter: 5, refuseAfter: 60 },
  network: { flagAfter: 50, refuseAfter: 1000 },
} as const;

export type BallotFlag = "no_cookie" | "address_burst" | "network_burst";

export const BALLOT_FLAG_LABELS: Record<BallotFlag, string> = {
  no_cookie: "没有投票凭证（Cookie）",
  address_burst: "同一地址短时间内多次投票",
  network_burst: "同一网段短时间内大量投票",
};

export type BallotLimits = {
  /** Counts one ballot for the address and its network; the flags it earned, or RATE_LIMITED. */
  count(address: string): Promise<BallotFlag[]>;
};

const TOO_MANY = BALLOT_ERROR_TEXT.rateLimited;

function hashed(...parts: string[]): string {
  return crypto.createHash("sha256").update(parts.join("\u0000")).digest("hex");
}

/** Limits over a pool of their own; two instances on one database share their counts. */
export function createBallotLimits(pool: pg.Pool): BallotLimits {
  const common = { storeClient: pool, storeType: "pool", tableName: "rate_limits", tableCreated: true, duration: BALLOT_LIMITS.windowSeconds } as const;
  const perAddress = new RateLimiterPostgres({ ...common, keyPrefix: "ballot-address", points: BALLOT_LIMITS.address.refuseAfter });
  const perNetwork = new RateLimiterPostgres({ ...common, keyPrefix: "ballot-network", points: BALLOT_LIMITS.network.refuseAfter });
  const consumed = (limiter: RateLimiterPostgres, key: string) =>
    limiter.consume(key).then(
      (result) => result.consumedPoints,
      (error: unknown) => {
        if (error instanceof RateLimiterRes) throw rateLimited(TOO_MANY);
        throw error;
      },
    );
  return {
    async count(address) {
      const [fromAddress, fromNetwork] = await Promise.all([consumed(perAddress, hashed(address)), consumed(perNetwork, hashed(networkOf(address)))]);
      const flags: BallotFlag[] = [];
      if (fromAddress > BALLOT_LIMITS.address.flagAfter) flags.push("address_burst");
      if (fromNetwork > BALLOT_LIMITS.network.flagAfter) flags.push("network_burst");
      return flags;
    },
  };
}

/** This process's limits, on the voting pool (lib/data/vote-pool.ts). */
export function ballotLimits(): BallotLimits {
  const store = globalThis as unknown as { roundupBallotLimits?: BallotLimits };
  store.roundupBallotLimits ??= createBallotLimits(votePool());
  return store.roundupBallotLimits;
}
