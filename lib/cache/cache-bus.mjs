// @ts-check
// The cache bus: one long-lived PostgreSQL LISTEN connection per process, carrying the tags that
// expired anywhere. Changes announce their tags with pg_notify inside the transaction that made
// them (lib/data/cache-announce.ts), so PostgreSQL delivers a notice only for a committed change.
//
// A LISTEN connection can die without a word (a half-open TCP connection never fires `end`), so the
// bus sends itself a notice every few seconds and reconnects when it doesn't come back in time. On
// every (re)connect the node treats what it cached before as unverified (cache-node.mjs).
import crypto from "node:crypto";
import pg from "pg";
import { runDetached } from "../detached-context.mjs";
import { CHANNEL } from "./channel.mjs";
import { ROUNDUP_SCHEDULE_SQL, SCHEDULE_SQL, goLiveTagsForRoundup, goLiveTagsForStory } from "./go-live.mjs";

export { CHANNEL } from "./channel.mjs";
// A dead connection is noticed within heartbeat + timeout (10 s); the timeout leaves room for a busy
// event loop on a loaded machine, where a false alarm would make every entry unverified.
const DEFAULTS = { heartbeatMs: 5000, timeoutMs: 5000, reconnectMs: 1000 };
// setTimeout's longest delay is about 24.8 days; go-live timers further out are re-armed.
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * @typedef {"connecting" | "up" | "down" | "closed"} BusState
 * @typedef {{
 *   url: string,
 *   node: import("./cache-node.mjs").CacheNode,
 *   onExpired?: (tags: string[]) => void,
 *   onGoLive?: (tags: string[]) => void,
 *   heartbeatMs?: number, timeoutMs?: number, reconnectMs?: number,
 * }} BusOptions
 */

export class CacheBus {
  /** @type {BusState} */
  state = "down";
  /** When the state last changed (ms). */
  since = Date.now();
  /** When a connection last failed or was lost (ms); 0 while none has (a first connect is under way). */
  lostAt = 0;
  /** The connection in use; events from any other one are ignored. @type {pg.Client | null} */
  client = null;
  /** @type {Map<string, () => void>} */
  pings = new Map();
  /** @type {NodeJS.Timeout | null} */
  heartbeat = null;
  /** @type {NodeJS.Timeout | null} */
  reconnectTimer = null;
  /** @type {NodeJS.Timeout | null} */
  reloadTimer = null;
  /** @type {NodeJS.Timeout | null} */
  goLiveTimer = null;
  /** Go-live times already announced to onGoLive, up to this time (ms). */
  goLiveDoneUntil = Date.now();
  /** @type {Array<{ at: number, tags: string[] }>} */
  schedule = [];
  /** @type {Promise<void> | null} */
  opening = null;
  /** Queries on the LISTEN connection run one at a time (pg 9 will refuse overlapping ones). */
  /** @type {Promise<unknown>} */
  queue = Promise.resolve();

  /** @param {BusOptions} options */
  constructor(options) {
    this.options = { ...DEFAULTS, ...options };
    this.node = options.node;
  }

  /** Connects unless connected or connecting; resolves once listening (or once the attempt failed). */
  start() {
    if (this.state === "closed" || this.state === "up") return Promise.resolve();
    // Opened outside any request's context, with its timers: they live as long as the process (../detached-context.mjs).
    this.opening ??= runDetached(() => this.open()).finally(() => {
      this.opening = null;
    });
    return this.opening;
  }

  /**
   * @param {pg.Client} client @param {string} sql @param {unknown[]} [params]
   * @returns {Promise<pg.QueryResult>}
   */
  query(client, sql, params) {
    const result = this.queue.then(() => client.query(sql, params));
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** @param {BusState} state */
  setState(state) {
    if (this.state === state) return;
    this.state = state;
    this.since = Date.now();
  }

  async open() {
    this.setState("connecting");
    const client = new pg.Client({
      connectionString: this.options.url,
      application_name: "roundup-cache-bus",
      // TCP keep-alive lets the kernel notice a dead peer too; the heartbeat below is what bounds the time.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      connectionTimeoutMillis: this.options.timeoutMs,
    });
    this.client = client;
    client.on("notification", (message) => {
      if (this.client === client) this.onNotice(message.payload ?? "");
    });
    client.on("error", (error) => this.lost(client, error.message));
    client.on("end", () => this.lost(client, "connection closed"));
    try {
      await client.connect();
      await client.query(`listen ${CHANNEL}`);
    } catch (error) {
      this.lost(client, error instanceof Error ? error.message : String(error));
      return;
    }
    if (this.client !== client) return;
    // Listening from here on: whatever was cached before may have missed a notice.
    this.node.connected();
    this.setState("up");
    this.heartbeat = setInterval(() => void this.beat(client), this.options.heartbeatMs);
    this.heartbeat.unref();
    await this.reloadSchedule();
  }

  /** Sends a notice to itself and waits for it: proves the connection and the LISTEN both work. */
  /** @param {pg.Client} client */
  async beat(client) {
    const id = crypto.randomUUID();
    const arrived = new Promise((resolve) => this.pings.set(id, () => resolve(true)));
    const timeout = new Promise((resolve) => setTimeout(() => resolve(false), this.options.timeoutMs).unref());
    this.query(client, "select pg_notify($1, $2)", [CHANNEL, JSON.stringify({ ping: id })]).catch(() => undefined);
    const ok = await Promise.race([arrived, timeout]);
    this.pings.delete(id);
    if (!ok) this.lost(client, `heartbeat not answered within ${this.options.timeoutMs} ms`);
  }

  /** @param {pg.Client} client @param {string} reason */
  lost(client, reason) {
    if (this.client !== client) return;
    this.client = null;
    this.lostAt = Date.now();
    this.queue = Promise.resolve();
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    this.pings.clear();
    // Entries stay: readers keep getting cached pages while the database is away (cache-node.mjs).
    this.node.disconnected();
    // A half-open socket would make end() wait forever: cut it.
    /** @type {{ connection?: { stream?: { destroy: () => void } } }} */ (/** @type {unknown} */ (client)).connection?.stream?.destroy();
    client.end().catch(() => undefined);
    if (this.state === "closed") return;
    if (this.state === "up") console.error(`cache bus: lost the LISTEN connection (${reason}); reconnecting`);
    this.setState("down");
    this.reconnectTimer = setTimeout(() => void this.start(), this.options.reconnectMs);
    this.reconnectTimer.unref();
  }

  /** @param {string} payload */
  onNotice(payload) {
    /** @type {{ tags?: unknown, ping?: unknown }} */
    let notice = {};
    try {
      notice = JSON.parse(payload);
    } catch {
      // "schedule" from the database trigger: only the go-live times changed.
    }
    if (typeof notice.ping === "string") {
      this.pings.get(notice.ping)?.();
      return;
    }
    if (Array.isArray(notice.tags)) {
      const tags = notice.tags.filter((tag) => typeof tag === "string");
      // The time of arrival, not the sender's clock: the change is committed by now on every machine's clock.
      this.node.markExpired(tags, Date.now());
      this.options.onExpired?.(tags);
    }
    // Any content change may move a go-live time; reload once for a burst of notices.
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => void this.reloadSchedule(), 50);
    this.reloadTimer.unref();
  }

  async reloadSchedule() {
    const client = this.client;
    if (!client || this.state !== "up") return;
    try {
      const stories = await this.query(client, SCHEDULE_SQL);
      const roundups = await this.query(client, ROUNDUP_SCHEDULE_SQL);
      this.schedule = [
        ...stories.rows.map((row) => ({ at: new Date(row.at).getTime(), tags: goLiveTagsForStory(row) })),
        ...roundups.rows.map((row) => ({ at: new Date(row.at).getTime(), tags: goLiveTagsForRoundup(row) })),
      ];
      this.node.replaceSchedule(this.schedule);
      this.armGoLive();
    } catch (error) {
      console.error("cache bus: cannot load scheduled go-live times", error instanceof Error ? error.message : error);
    }
  }

  /** Wakes up at the next go-live time to tell onGoLive (the CDN purge) which tags went live. */
  armGoLive(now = Date.now()) {
    if (this.goLiveTimer) clearTimeout(this.goLiveTimer);
    this.goLiveTimer = null;
    if (!this.options.onGoLive) return;
    const due = this.schedule.filter(({ at }) => at > this.goLiveDoneUntil && at <= now);
    if (due.length > 0) this.options.onGoLive([...new Set(due.flatMap(({ tags }) => tags))]);
    this.goLiveDoneUntil = Math.max(this.goLiveDoneUntil, now);
    const next = Math.min(...this.schedule.map(({ at }) => at).filter((at) => at > now));
    if (!Number.isFinite(next)) return;
    this.goLiveTimer = setTimeout(() => this.armGoLive(), Math.min(next - now + 5, MAX_TIMER_MS));
    this.goLiveTimer.unref();
  }

  async close() {
    const client = this.client;
    this.setState("closed");
    this.client = null;
    for (const timer of [this.reloadTimer, this.reconnectTimer, this.goLiveTimer]) if (timer) clearTimeout(timer);
    if (this.heartbeat) clearInterval(this.heartbeat);
    await client?.end().catch(() => undefined);
  }
}
