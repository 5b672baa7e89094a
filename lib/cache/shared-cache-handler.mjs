// @ts-check
// Next.js cache handler for the public pages (next.config.js `cacheHandler`). Plain JavaScript because
// Next loads it at run time with a bare import, outside the TypeScript build.
//
// Why a custom handler: several app processes share one PostgreSQL, and a change made through one
// of them must reach every process's cached pages without a cached view ever querying the database.
// - Entries (rendered pages and tagged data reads) live in this process's memory, so a hit is free.
//   Nothing the build prerendered is ever served from here: pages are filled at run time.
// - Expiring a tag is broadcast with PostgreSQL NOTIFY; every process keeps ONE long-lived LISTEN
//   connection and marks the tag expired locally. A process that loses that connection clears its
//   entries, since it may have missed a notice.
// - A scheduled story goes live by itself: each process knows the go-live times of scheduled stories
//   and roundups (reloaded on every notice and by a database trigger) and treats any entry made
//   before such a time, and carrying a tag of that story, as expired once the time has passed.
import pg from "pg";
import { ROUNDUP_SCHEDULE_SQL, SCHEDULE_SQL, goLiveTagsForRoundup, goLiveTagsForStory } from "./go-live.mjs";

export { goLiveTagsForRoundup, goLiveTagsForStory } from "./go-live.mjs";

export const CHANNEL = "roundup_cache";
const MAX_ENTRIES = 5000;
// Entries count as made a little before they were stored: a change committed while a page was
// rendering then expires that page too, rather than leaving it stale.
const RENDER_MARGIN_MS = 1000;
const TAGS_HEADER = "x-next-cache-tags";

/**
 * One process's cache state. The handler uses a single node per process; tests create two to stand
 * in for two processes.
 */
export class CacheNode {
  /** @type {Map<string, { value: unknown, lastModified: number, tags: string[], cacheControl: unknown }>} */
  entries = new Map();
  /** Latest expiry time per tag (ms). @type {Map<string, number>} */
  expired = new Map();
  /** Future go-live times per tag (ms). @type {Map<string, number[]>} */
  goLive = new Map();
  /** The LISTEN connection once it is ready. @type {pg.Client | null} */
  client = null;
  /** The connection being opened or in use; notices from any other one are ignored. @type {pg.Client | null} */
  current = null;
  closed = false;
  /** @type {Promise<void> | null} */
  connecting = null;
  /** @type {string | undefined} */
  databaseUrl;
  reloadTimer = /** @type {NodeJS.Timeout | null} */ (null);

  /** @param {string | undefined} databaseUrl */
  constructor(databaseUrl) {
    this.databaseUrl = databaseUrl;
  }

  /** Starts listening once; safe to call on every cache access. */
  connect() {
    if (this.connecting || !this.databaseUrl || this.closed) return this.connecting ?? Promise.resolve();
    const client = new pg.Client({ connectionString: this.databaseUrl, application_name: "roundup-cache-bus" });
    this.current = client;
    this.connecting = (async () => {
      client.on("notification", (message) => this.onNotice(message.payload ?? ""));
      client.on("error", () => this.disconnected(client));
      client.on("end", () => this.disconnected(client));
      await client.connect();
      await client.query(`listen ${CHANNEL}`);
      this.client = client;
      await this.reloadSchedule();
    })().catch((error) => {
      console.error("cache bus: cannot listen for cache notices", error instanceof Error ? error.message : error);
      this.disconnected(client);
    });
    return this.connecting;
  }

  /** @param {pg.Client} client */
  disconnected(client) {
    if (this.current !== client) return;
    this.current = null;
    this.client = null;
    this.connecting = null;
    // Notices may have been missed while disconnected: nothing cached can be trusted any more.
    this.entries.clear();
    client.end().catch(() => undefined);
    if (!this.closed) setTimeout(() => void this.connect(), 1000).unref();
  }

  /** @param {string} payload */
  onNotice(payload) {
    /** @type {{ tags?: string[], at?: number }} */
    let notice = {};
    try {
      notice = JSON.parse(payload);
    } catch {
      // "schedule" from the database trigger: only the go-live times changed.
    }
    if (Array.isArray(notice.tags)) this.markExpired(notice.tags, typeof notice.at === "number" ? notice.at : Date.now());
    // Any content change may move a go-live time; reload once for a burst of notices.
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => void this.reloadSchedule(), 50);
    this.reloadTimer.unref();
  }

  async reloadSchedule() {
    const client = this.client;
    if (!client) return;
    try {
      const [stories, roundups] = await Promise.all([client.query(SCHEDULE_SQL), client.query(ROUNDUP_SCHEDULE_SQL)]);
      /** @type {Array<{ at: number, tags: string[] }>} */
      const times = [
        ...stories.rows.map((row) => ({ at: new Date(row.at).getTime(), tags: goLiveTagsForStory(row) })),
        ...roundups.rows.map((row) => ({ at: new Date(row.at).getTime(), tags: goLiveTagsForRoundup(row) })),
      ];
      this.replaceSchedule(times);
    } catch (error) {
      console.error("cache bus: cannot load scheduled go-live times", error instanceof Error ? error.message : error);
    }
  }

  /** @param {Array<{ at: number, tags: string[] }>} times */
  replaceSchedule(times, now = Date.now()) {
    // Times already passed become ordinary expiries, so entries made before them stay expired.
    for (const [tag, list] of this.goLive) {
      const passed = list.filter((at) => at <= now);
      if (passed.length > 0) this.markExpired([tag], Math.max(...passed));
    }
    this.goLive = new Map();
    for (const { at, tags } of times) {
      for (const tag of tags) this.goLive.set(tag, [...(this.goLive.get(tag) ?? []), at]);
    }
  }

  /** @param {string[]} tags @param {number} at */
  markExpired(tags, at) {
    for (const tag of tags) this.expired.set(tag, Math.max(this.expired.get(tag) ?? 0, at));
  }

  /** An entry is outdated when one of its tags expired, or went live, after it was made. */
  /** @param {string[]} tags @param {number} lastModified */
  isOutdated(tags, lastModified, now = Date.now()) {
    for (const tag of tags) {
      const expiredAt = this.expired.get(tag);
      if (expiredAt !== undefined && expiredAt > lastModified && expiredAt <= now) return true;
      for (const at of this.goLive.get(tag) ?? []) if (at > lastModified && at <= now) return true;
    }
    return false;
  }

  /** @param {string} key @param {string[]} extraTags */
  read(key, extraTags = [], now = Date.now()) {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (this.isOutdated([...entry.tags, ...extraTags], entry.lastModified, now)) {
      this.entries.delete(key);
      return null;
    }
    // Map order doubles as recency order for eviction.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /** @param {string} key @param {unknown} value @param {string[]} tags @param {unknown} cacheControl */
  write(key, value, tags, cacheControl, now = Date.now()) {
    this.entries.delete(key);
    this.entries.set(key, { value, tags, cacheControl, lastModified: now - RENDER_MARGIN_MS });
    while (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  /** Expires tags here at once and tells every other process. @param {string[]} tags */
  async expire(tags, now = Date.now()) {
    this.markExpired(tags, now);
    await this.connect();
    const client = this.client;
    if (!client) return;
    // NOTIFY payloads are capped at 8000 bytes: send long tag lists in pieces.
    for (let start = 0; start < tags.length; start += 100) {
      await client.query("select pg_notify($1, $2)", [CHANNEL, JSON.stringify({ tags: tags.slice(start, start + 100), at: now })]);
    }
  }

  async close() {
    const client = this.current;
    this.closed = true;
    this.current = null;
    this.client = null;
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    await client?.end().catch(() => undefined);
  }
}

const isBuild = () => process.env.NEXT_PHASE === "phase-production-build";
const nodeKey = Symbol.for("roundup.cache-node");

/** This process's node (one per process however often Next constructs the handler). */
function processNode() {
  const store = /** @type {{ [nodeKey]?: CacheNode }} */ (/** @type {unknown} */ (globalThis));
  // The build never connects: it has no readers, and what it renders is never served from here.
  store[nodeKey] ??= new CacheNode(isBuild() ? undefined : process.env.DATABASE_URL);
  return store[nodeKey];
}

/** @param {unknown} value */
function tagsOfValue(value) {
  const headers = /** @type {{ headers?: Record<string, unknown> } | null} */ (value)?.headers;
  const header = headers?.[TAGS_HEADER];
  return typeof header === "string" && header ? header.split(",") : [];
}

export default class SharedCacheHandler {
  constructor() {
    this.node = processNode();
    void this.node.connect();
  }

  /** @param {string} key @param {{ tags?: string[], softTags?: string[] }} [ctx] */
  async get(key, ctx) {
    const entry = this.node.read(key, [...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])]);
    if (!entry) return null;
    return { value: entry.value, lastModified: entry.lastModified, cacheControl: entry.cacheControl };
  }

  /** @param {string} key @param {unknown} data @param {{ tags?: string[], cacheControl?: unknown }} [ctx] */
  async set(key, data, ctx) {
    if (data === null || data === undefined) {
      this.node.entries.delete(key);
      return;
    }
    this.node.write(key, data, [...(ctx?.tags ?? []), ...tagsOfValue(data)], ctx?.cacheControl);
  }

  /** @param {string | string[]} tags */
  async revalidateTag(tags) {
    // Every expiry is immediate: the next reader must see the change, never a stale page.
    await this.node.expire(typeof tags === "string" ? [tags] : tags);
  }

  resetRequestCache() {}
}
