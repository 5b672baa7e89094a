import { AsyncLocalStorage } from "node:async_hooks";
import v8 from "node:v8";
import vm from "node:vm";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { DetachedClient, captureStartupContext } from "@/lib/detached-context.mjs";
import { requireEnv } from "./support/db";

// A pooled database connection outlives the request that happened to open it. Opened with pg's own
// Client, it keeps that request's AsyncLocalStorage store (and so the whole request) for as long as
// it lives; the production pools use DetachedClient, which must keep none. The store stands for a
// request: the test checks whether it can be collected while the pool still holds the connection.

v8.setFlagsFromString("--expose-gc");
const collectGarbage = vm.runInNewContext("gc") as () => void;

const requestStorage = new AsyncLocalStorage<{ request: number[] }>();
const pools: pg.Pool[] = [];

/** Opens the pool's one connection inside a "request" and says whether that request was kept afterwards. */
async function requestKeptByConnection(Client: typeof pg.Client): Promise<boolean> {
  const pool = new pg.Pool({ connectionString: requireEnv("DATABASE_URL"), max: 1, Client });
  pools.push(pool);
  let store: { request: number[] } | null = { request: new Array(50_000).fill(1) };
  const kept = new WeakRef(store);
  const answer = await requestStorage.run(store, async () => {
    const { rows } = await pool.query<{ n: number }>("select 1 as n");
    // Inside the request its store is there, connection or not.
    expect(requestStorage.getStore()).toBe(kept.deref());
    return rows[0]?.n;
  });
  expect(answer).toBe(1);
  store = null;
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
  }
  expect(pool.totalCount).toBe(1);
  return kept.deref() !== undefined;
}

describe("database connections opened during a request", () => {
  afterAll(async () => {
    await Promise.all(pools.map((pool) => pool.end()));
  });

  it("keep that request when opened by pg's own client (why DetachedClient exists)", async () => {
    expect(await requestKeptByConnection(pg.Client)).toBe(true);
  });

  it("keep nothing of it when opened by DetachedClient in the server's start-up context", async () => {
    captureStartupContext();
    expect(await requestKeptByConnection(DetachedClient)).toBe(false);
  });
});
