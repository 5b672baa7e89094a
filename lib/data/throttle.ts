import "server-only";
import crypto from "node:crypto";
import pg from "pg";
import { DetachedClient } from "@/lib/detached-context.mjs";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { getDatabaseUrl } from "@/lib/env";
import { rateLimited } from "@/lib/errors";

// Throttling of password and second-factor guesses, shared by every app process through PostgreSQL.
//
// rate-limiter-flexible's PostgreSQL store counts with one INSERT … ON CONFLICT DO UPDATE … RETURNING
// per attempt, so two processes can't both read "4 of 5" and both go on: an attempt is counted
// before its password is checked, and only the first `points` attempts of a window get checked.
// Its table, "rate_limits", is created by a Prisma migration (model RateLimit).
//
// Sign-in is counted three ways:
// - per account and address: 5 attempts / 15 min, then refused. Keyed by address, so an attacker
//   elsewhere can't lock the owner out.
// - per address: 30 attempts / 15 min over all accounts, then refused (password spraying).
// - per account from anywhere: never refused (that would hand any visitor a way to lock any account),
//   but after 10 attempts in 15 min each further attempt waits before it is checked, doubling up to
//   8 s, which slows guessing from many addresses while the owner still gets in.
// A successful sign-in clears its account+address count and gives its points back.

const WINDOW_SECONDS = 15 * 60;
export const SIGN_IN_LIMITS = {
  perAccountAddress: 5,
  perAddress: 30,
  accountSlowAfter: 10,
  accountMaxDelayMs: 8_000,
  perSecondFactor: 5,
  perPasswordConfirm: 5,
  windowSeconds: WINDOW_SECONDS,
} as const;

const globalForThrottle = globalThis as unknown as { roundupThrottlePool?: pg.Pool };

/** A small pool of its own: the limiter speaks node-postgres, Prisma's adapter keeps its pool private. */
function pool(): pg.Pool {
  globalForThrottle.roundupThrottlePool ??= new pg.Pool({ connectionString: getDatabaseUrl(), max: 3, idleTimeoutMillis: 10_000, allowExitOnIdle: true, Client: DetachedClient });
  return globalForThrottle.roundupThrottlePool;
}

const limiters = new Map<string, RateLimiterPostgres>();

function limiter(keyPrefix: string, points: number): RateLimiterPostgres {
  let found = limiters.get(keyPrefix);
  if (!found) {
    found = new RateLimiterPostgres({ storeClient: pool(), storeType: "pool", tableName: "rate_limits", tableCreated: true, keyPrefix, points, duration: WINDOW_SECONDS });
    limiters.set(keyPrefix, found);
  }
  return found;
}

const perAccountAddress = () => limiter("signin-account-address", SIGN_IN_LIMITS.perAccountAddress);
const perAddress = () => limiter("signin-address", SIGN_IN_LIMITS.perAddress);
// Counted only for the delay; never refuses.
const perAccount = () => limiter("signin-account", Number.MAX_SAFE_INTEGER);
const perSecondFactor = () => limiter("second-factor", SIGN_IN_LIMITS.perSecondFactor);
const perPasswordConfirm = () => limiter("password-confirm", SIGN_IN_LIMITS.perPasswordConfirm);

/** Keys are hashed: e-mails and addresses of any length fit the key column and stay out of it. */
function key(...parts: string[]): string {
  return crypto.createHash("sha256").update(parts.join("\u0000")).digest("hex");
}

function tooMany(error: unknown, what: string): never {
  if (error instanceof RateLimiterRes) {
    const minutes = Math.max(1, Math.ceil(error.msBeforeNext / 60_000));
    throw rateLimited(`${what}失败次数过多，请 ${minutes} 分钟后再试。`);
  }
  throw error;
}

/** The wait before the nth attempt on one account within the window (0 for the first ten). */
export function accountDelayMs(attempt: number): number {
  const over = attempt - SIGN_IN_LIMITS.accountSlowAfter;
  if (over <= 0) return 0;
  return Math.min(250 * 2 ** (over - 1), SIGN_IN_LIMITS.accountMaxDelayMs);
}

export type Sleep = (ms: number) => Promise<void>;
const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export type SignInTicket = { succeeded: () => Promise<void> };

/**
 * Counts one sign-in attempt before the password is checked. Throws a RATE_LIMITED AppError when
 * this account+address or this address has used up its window; waits first when the account as a
 * whole is being guessed at. Call `succeeded()` after a correct password.
 */
export async function reserveSignInAttempt(email: string, address: string, options: { sleep?: Sleep } = {}): Promise<SignInTicket> {
  const accountAddressKey = key(email, address);
  const addressKey = key(address);
  const accountKey = key(email);
  await perAccountAddress()
    .consume(accountAddressKey)
    .catch((error: unknown) => tooMany(error, "登录"));
  await perAddress()
    .consume(addressKey)
    .catch((error: unknown) => tooMany(error, "登录"));
  const account = await perAccount().consume(accountKey);
  const delay = accountDelayMs(account.consumedPoints);
  if (delay > 0) await (options.sleep ?? realSleep)(delay);
  return {
    succeeded: async () => {
      await Promise.all([perAccountAddress().delete(accountAddressKey), perAddress().reward(addressKey, 1), perAccount().reward(accountKey, 1)]);
    },
  };
}

/** Counts one second-factor code attempt for an account (only someone who knew the password gets here). */
export async function reserveSecondFactorAttempt(userId: string): Promise<SignInTicket> {
  const accountKey = key(userId);
  await perSecondFactor()
    .consume(accountKey)
    .catch((error: unknown) => tooMany(error, "验证码"));
  return { succeeded: async () => void (await perSecondFactor().delete(accountKey)) };
}

/** Counts one "confirm your current password" attempt of a signed-in user (own-account page). */
export async function reservePasswordConfirmAttempt(userId: string, address: string): Promise<SignInTicket> {
  const attemptKey = key(userId, address);
  await perPasswordConfirm()
    .consume(attemptKey)
    .catch((error: unknown) => tooMany(error, "当前密码验证"));
  return { succeeded: async () => void (await perPasswordConfirm().delete(attemptKey)) };
}
