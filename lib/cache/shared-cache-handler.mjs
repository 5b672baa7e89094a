// @ts-check
// Next.js cache handler for the public pages (next.config.js `cacheHandler`): the adapter between
// Next's incremental cache and this process's CacheNode (cache-node.mjs), kept current by the
// PostgreSQL cache bus (cache-bus.mjs) and mirrored to the HTTP cache in front (cdn.mjs).
// Plain JavaScript because Next loads it at run time with a bare import, outside the TypeScript build;
// for the same reason it reads its settings from process.env (lib/env.ts validates them at start-up).
//
// Why a custom handler rather than @fortedigital/nextjs-cache-handler: see README "Caching".
import { CacheBus } from "./cache-bus.mjs";
import { CacheNode } from "./cache-node.mjs";
import { Purger, cdnHeaders, parseKeyHeaders } from "./cdn.mjs";
import { withoutNextRuntime } from "./reader-html.mjs";

export { CHANNEL, CacheBus } from "./cache-bus.mjs";
export { CacheNode } from "./cache-node.mjs";

const TAGS_HEADER = "x-next-cache-tags";
// Next's key for a rendered page or route: /route-cache/<kind>/<route hash>/$<path, "/" as "/index">.
const ROUTE_KEY = /^\/route-cache\/APP_(?:PAGE|ROUTE)\/[0-9a-f]+\/\$(.*)$/;
const MISSING_BODY = /^(null|\{"kind":"missing")/;

/**
 * @typedef {{ node: CacheNode, bus: CacheBus | null, purger: Purger | null, keyHeaders: import("./cdn.mjs").KeyHeader[],
 *   pages: Map<string, string>, hasPage: (pathname: string) => boolean, pageKey: (pathname: string) => string | undefined }} ProcessCache
 * @typedef {{ kind?: string, status?: number, html?: unknown, headers?: Record<string, unknown>, data?: { body?: unknown } }} CachedValue
 */

const isBuild = () => process.env.NEXT_PHASE === "phase-production-build";
const processKey = Symbol.for("roundup.cache");

/** This process's cache (one per process however often Next constructs the handler). */
export function processCache() {
  const store = /** @type {{ [processKey]?: ProcessCache }} */ (/** @type {unknown} */ (globalThis));
  if (store[processKey]) return store[processKey];
  const env = process.env;
  const maxMb = Number(env.CACHE_MAX_MB ?? "");
  /** Address → cache key of each rendered page, so the outage check (lib/cache/outage.mjs) and the front door (lib/server/front-door.mjs) can find one. */
  const pages = new Map();
  // A page dropped from the store (evicted, expired, replaced) leaves the address map with it, so the
  // map stays as bounded as the store.
  /** @param {string} key */
  const onDrop = (key) => {
    const path = ROUTE_KEY.exec(key)?.[1];
    if (path !== undefined && pages.get(normalPath(path)) === key) pages.delete(normalPath(path));
  };
  const node = new CacheNode({ ...(Number.isFinite(maxMb) && maxMb > 0 ? { maxBytes: maxMb * 1024 * 1024 } : {}), onDrop });
  const purger = env.CDN_PURGE_URL ? new Purger({ url: env.CDN_PURGE_URL, token: env.CDN_PURGE_TOKEN || undefined }) : null;
  // The build has no readers and what it renders is never served from here: it never connects.
  const url = isBuild() ? undefined : env.CACHE_BUS_URL || env.DATABASE_URL;
  const bus = url
    ? new CacheBus({
        url,
        node,
        // Every process purges what it expired: the last purge comes after the last process has
        // dropped its copy, so the CDN can't refill from a process that hasn't heard yet.
        onExpired: purger ? (tags) => purger.purge(tags) : undefined,
        onGoLive: purger ? (tags) => purger.purge(tags) : undefined,
      })
    : null;
  /** @param {string} pathname */
  const pageKey = (pathname) => pages.get(normalPath(pathname));
  /** @param {string} pathname */
  const hasPage = (pathname) => {
    const key = pageKey(pathname);
    return key !== undefined && node.peek(key) !== null;
  };
  store[processKey] = { node, bus, purger, keyHeaders: parseKeyHeaders(env.CDN_KEY_HEADERS), pages, hasPage, pageKey };
  void bus?.start();
  return store[processKey];
}

/** @param {string} pathname */
function normalPath(pathname) {
  let path = pathname;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    // A malformed escape names no page we stored.
  }
  const trimmed = path.replace(/\/+$/, "");
  return trimmed === "" || trimmed === "/index" ? "/" : trimmed;
}

/** @param {unknown} value */
function tagsOfValue(value) {
  const header = /** @type {CachedValue | null} */ (value)?.headers?.[TAGS_HEADER];
  return typeof header === "string" && header ? header.split(",") : [];
}

/**
 * Misses and search results go to the node's small store (see CacheNode).
 * @param {CachedValue} value @param {string[]} tags
 */
function isMinor(value, tags) {
  if (value.kind === "APP_PAGE") return value.status === 404;
  if (value.kind !== "FETCH") return false;
  if (tags.includes("search")) return true;
  const body = value.data?.body;
  return typeof body === "string" && MISSING_BODY.test(body);
}

export default class SharedCacheHandler {
  constructor() {
    this.cache = processCache();
    this.node = this.cache.node;
  }

  /** @param {string} key @param {{ tags?: string[], softTags?: string[] }} [ctx] */
  async get(key, ctx) {
    const now = Date.now();
    const found = this.node.read(key, [...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])], now);
    if (!found) return null;
    const { entry, fresh } = found;
    // Next's implicit tags of the page (its path and layouts): the front door checks them too.
    if (ctx?.softTags && entry.softTags !== ctx.softTags) entry.softTags = ctx.softTags;
    if (fresh) return { value: entry.value, lastModified: entry.lastModified, cacheControl: entry.cacheControl };
    // Unverified data is read again; a page or feed is handed out as stale, so Next serves it and
    // renders anew in the background (which, while the database is away, fails and keeps it).
    const value = /** @type {CachedValue} */ (entry.value);
    const control = /** @type {{ revalidate?: unknown, expire?: unknown } | undefined} */ (entry.cacheControl);
    const revalidate = typeof control?.revalidate === "number" ? control.revalidate : undefined;
    const expire = typeof control?.expire === "number" ? control.expire : Infinity;
    if (value.kind === "FETCH" || revalidate === undefined || expire <= revalidate) return null;
    return { value: entry.value, lastModified: now - revalidate * 1000 - 1, cacheControl: entry.cacheControl };
  }

  /** @param {string} key @param {unknown} data @param {{ tags?: string[], cacheControl?: unknown }} [ctx] */
  async set(key, data, ctx) {
    if (data === null || data === undefined) {
      this.node.delete(key);
      return;
    }
    const value = /** @type {CachedValue} */ (data);
    const tags = [...(ctx?.tags ?? []), ...tagsOfValue(value)];
    if ((value.kind === "APP_PAGE" || value.kind === "APP_ROUTE") && this.node.peek(key)?.value !== value) {
      // Next sends a cached page's stored headers with it (the first response too: it shares this
      // object), so surrogate keys and the shared-cache lifetime travel with the page.
      value.headers = {
        ...value.headers,
        ...cdnHeaders(tags, { purging: this.cache.purger !== null, keyHeaders: this.cache.keyHeaders, status: value.status }),
      };
      // Readers get the page without Next's client runtime (reader-html.mjs says why).
      if (value.kind === "APP_PAGE" && typeof value.html === "string") value.html = withoutNextRuntime(value.html);
    }
    const minor = isMinor(value, tags);
    this.node.write(key, data, tags, ctx?.cacheControl, { minor });
    const path = ROUTE_KEY.exec(key)?.[1];
    if (path !== undefined && !minor) this.cache.pages.set(normalPath(path), key);
  }

  /** @param {string | string[]} tags */
  async revalidateTag(tags) {
    // Marks this process only, at once, so the editor's next view shows the change. Every other
    // process hears of it through the notice the change's own transaction sent (lib/data/cache-announce.ts).
    this.node.markExpired(typeof tags === "string" ? [tags] : tags, Date.now());
  }

  resetRequestCache() {}
}
