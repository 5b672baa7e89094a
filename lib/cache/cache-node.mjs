// @ts-check
// One process's cache store (plain JavaScript: Next loads the cache handler outside the TypeScript
// build). It knows nothing of PostgreSQL or of Next: the bus (cache-bus.mjs) tells it what expired
// and whether notices can be trusted, the adapter (shared-cache-handler.mjs) translates for Next.
//
// Freshness rules:
// - An entry is outdated when one of its tags expired, or went live, after it was made.
// - An entry is unverified when it was stored before the bus's latest (re)connect (notices may
//   have been missed in between), or, while the bus is down, when it is older than a few seconds.
// - Outdated entries are dropped while the bus is up; unverified ones are handed out as stale, so
//   Next serves them and renders anew in the background. While the database is away that render
//   fails and the stale page keeps being served: stale-if-error. Nothing is cleared on a drop.
import { LRUCache } from "lru-cache";

// Entries count as made a little before they were stored: a change committed while a page was
// rendering then expires that page too, rather than leaving it stale.
export const RENDER_MARGIN_MS = 1000;
// While the bus is down, an entry rendered less than this long ago is served as it is: it came
// from the database after the drop, and re-rendering on every view would load a database that may
// be the very thing in trouble.
export const BUS_DOWN_FRESH_MS = 5000;
// After a failed background render, wait this long before trying that entry again.
export const RETRY_AFTER_FAILURE_MS = 3000;

/**
 * @typedef {{ value: unknown, tags: string[], cacheControl: unknown, lastModified: number, storedAt: number,
 *   minor: boolean, size: number, retryAt: number, softTags: string[], served: unknown }} Entry
 * @typedef {{ entry: Entry, fresh: boolean }} ReadResult
 */

/**
 * Rough bytes an entry holds in memory (strings count two bytes a character, as V8 may store them).
 * @param {unknown} value @param {number} [depth] @returns {number}
 */
export function sizeOf(value, depth = 0) {
  if (value === null || value === undefined) return 8;
  if (typeof value === "string") return 2 * value.length;
  if (typeof value !== "object") return 8;
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return value.byteLength;
  if (depth > 8) return 64;
  let total = 64;
  if (value instanceof Map) {
    for (const [key, item] of value) total += sizeOf(key, depth + 1) + sizeOf(item, depth + 1);
    return total;
  }
  for (const [key, item] of Object.entries(value)) total += 2 * key.length + sizeOf(item, depth + 1);
  return total;
}

export class CacheNode {
  /** Latest expiry time per tag (ms). @type {Map<string, number>} */
  expired = new Map();
  /** Future go-live times per tag (ms). @type {Map<string, number[]>} */
  goLive = new Map();
  /** When the bus last (re)connected; entries stored before it are unverified. */
  verifiedSince = 0;
  /** Whether notices are arriving now. A node without a bus (tests, the build) counts as up. */
  busUp = true;

  /** @param {{ maxBytes?: number, minorBytes?: number, onDrop?: (key: string) => void }} [options] */
  constructor(options = {}) {
    const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
    const onDrop = options.onDrop;
    /** @param {number} max */
    const store = (max) =>
      /** @type {LRUCache<string, Entry>} */ (
        new LRUCache({
          maxSize: max,
          maxEntrySize: max,
          sizeCalculation: (entry) => Math.max(1, entry.size),
          ...(onDrop ? { dispose: (/** @type {Entry} */ _entry, /** @type {string} */ key) => onDrop(key) } : {}),
        })
      );
    // Pages and data readers asked for. Misses (404s, unknown slugs) and search results live in a
    // small store of their own: a crawler asking for every word or every made-up address only
    // evicts its own kind, never the pages readers read.
    this.main = store(maxBytes);
    this.minor = store(options.minorBytes ?? Math.max(1024 * 1024, Math.floor(maxBytes / 16)));
  }

  /** @param {string} key */
  peek(key) {
    return this.main.get(key) ?? this.minor.get(key) ?? null;
  }

  /** @param {string} key */
  delete(key) {
    this.main.delete(key);
    this.minor.delete(key);
  }

  get size() {
    return this.main.size + this.minor.size;
  }

  /** Bytes held by each store. */
  get bytes() {
    return { main: this.main.calculatedSize, minor: this.minor.calculatedSize };
  }

  /** The bus is listening again: everything stored before now may have missed a notice. */
  connected(now = Date.now()) {
    this.verifiedSince = now;
    this.busUp = true;
  }

  /** The bus lost its connection: keep every entry, but stop trusting them (see read). */
  disconnected() {
    this.busUp = false;
  }

  /** @param {string[]} tags @param {number} at */
  markExpired(tags, at) {
    for (const tag of tags) this.expired.set(tag, Math.max(this.expired.get(tag) ?? 0, at));
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

  /** @param {string[]} tags @param {number} lastModified */
  isOutdated(tags, lastModified, now = Date.now()) {
    for (const tag of tags) {
      const expiredAt = this.expired.get(tag);
      if (expiredAt !== undefined && expiredAt > lastModified && expiredAt <= now) return true;
      for (const at of this.goLive.get(tag) ?? []) if (at > lastModified && at <= now) return true;
    }
    return false;
  }

  /** @param {Entry} entry */
  isVerified(entry, now = Date.now()) {
    if (!this.busUp) return now - entry.storedAt < BUS_DOWN_FRESH_MS;
    return entry.storedAt >= this.verifiedSince;
  }

  /**
   * The entry and whether it can be served as it is; null when there is none or it is outdated
   * while the bus is up (the next reader must see the change).
   * @param {string} key @param {string[]} [extraTags] @returns {ReadResult | null}
   */
  read(key, extraTags = [], now = Date.now()) {
    const entry = this.peek(key);
    if (!entry) return null;
    const outdated = this.isOutdated([...entry.tags, ...extraTags], entry.lastModified, now);
    if (outdated && this.busUp) {
      this.delete(key);
      return null;
    }
    // While the bus is down and a background render of this entry failed a moment ago, serve it as
    // it is for a while instead of sending every reader's request to a database that just refused one.
    const resting = !this.busUp && entry.retryAt > now;
    return { entry, fresh: resting || (!outdated && this.isVerified(entry, now)) };
  }

  /**
   * Stores an entry. Storing the very value read from here again is Next keeping the previous
   * page after a failed background render: the entry keeps its age and waits before the next try.
   * @param {string} key @param {unknown} value @param {string[]} tags @param {unknown} cacheControl
   * @param {{ minor?: boolean }} [options]
   */
  write(key, value, tags, cacheControl, options = {}, now = Date.now()) {
    const existing = this.peek(key);
    if (existing && existing.value === value) {
      existing.retryAt = now + RETRY_AFTER_FAILURE_MS;
      return;
    }
    this.delete(key);
    const minor = options.minor ?? false;
    /** @type {Entry} */
    const entry = { value, tags, cacheControl, lastModified: now - RENDER_MARGIN_MS, storedAt: now, minor, size: 0, retryAt: 0, softTags: [], served: null };
    entry.size = sizeOf(value) + sizeOf(tags) + 128;
    (minor ? this.minor : this.main).set(key, entry);
  }

  /**
   * Keeps a ready-to-send form of an entry (the front door's response: lib/server/front-door.mjs)
   * with it, counted against the store's bound and dropped with it. False when the entry was
   * replaced or dropped meanwhile.
   * @param {string} key @param {Entry} entry @param {unknown} served @param {number} bytes
   */
  attach(key, entry, served, bytes) {
    if (this.peek(key) !== entry || entry.served !== null) return false;
    entry.served = served;
    entry.size += bytes;
    // Setting the same entry again re-measures it (and may evict others to make room).
    (entry.minor ? this.minor : this.main).set(key, entry);
    return this.peek(key) === entry;
  }

  clear() {
    this.main.clear();
    this.minor.clear();
  }
}
