// @ts-check
// The HTTP cache in front (Varnish, nginx, a CDN): surrogate-key headers built from a page's cache
// tags, the shared-cache lifetime of public responses, and the purge of expired tags' keys.
//
// Without a purge target nothing tells a shared cache that a page changed, so its lifetime stays
// short (a minute); with one, every expired tag is purged there and pages may stay for a day.

/** Next's own implicit tags (paths and layouts) name no content: the content tags are enough to purge by. */
const IMPLICIT_TAG_PREFIX = "_N_T_";

/**
 * Surrogate keys of a set of cache tags: header-safe (no spaces, commas or non-ASCII characters).
 * @param {string[]} tags
 */
export function surrogateKeys(tags) {
  const keys = tags.filter((tag) => tag && !tag.startsWith(IMPLICIT_TAG_PREFIX)).map((tag) => encodeURIComponent(tag).replace(/%3A/g, ":"));
  return [...new Set(keys)];
}

/** @typedef {"xkey" | "surrogate-key" | "cache-tag"} KeyHeader */

export const KEY_HEADERS = /** @type {const} */ (["xkey", "surrogate-key", "cache-tag"]);

/** @param {string | undefined} value @returns {KeyHeader[]} */
export function parseKeyHeaders(value) {
  const names = (value ?? "xkey")
    .split(",")
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  return /** @type {KeyHeader[]} */ (names.filter((name) => /** @type {readonly string[]} */ (KEY_HEADERS).includes(name)));
}

/**
 * Cache-Control for a public response: long only when a purge target keeps the shared cache right.
 * @param {{ purging: boolean, status?: number }} options
 */
export function sharedCacheControl({ purging, status }) {
  // A missing page may be published any minute; never keep a 404 long, purge target or not.
  if (status === 404) return "public, s-maxage=30";
  if (purging) return "public, s-maxage=86400, stale-while-revalidate=60, stale-if-error=86400";
  return "public, s-maxage=60, stale-while-revalidate=30, stale-if-error=3600";
}

/**
 * Headers a cached public response carries for the shared cache in front.
 * @param {string[]} tags @param {{ purging: boolean, keyHeaders: KeyHeader[], status?: number }} options
 * @returns {Record<string, string>}
 */
export function cdnHeaders(tags, { purging, keyHeaders, status }) {
  const keys = surrogateKeys(tags);
  /** @type {Record<string, string>} */
  const headers = { "cache-control": sharedCacheControl({ purging, status }) };
  if (keys.length === 0) return headers;
  for (const name of keyHeaders) headers[name] = keys.join(name === "cache-tag" ? "," : " ");
  return headers;
}

/**
 * Sends `PURGE <url>` with the keys in an `xkey-purge` header (Varnish's xkey module; the README shows
 * how other CDNs map onto it). Purges of one tick are sent together; a failure is logged, never thrown:
 * the page's short revalidation is the fallback.
 */
export class Purger {
  /** @type {Set<string>} */
  pending = new Set();
  scheduled = false;

  /** @param {{ url: string, token?: string }} options */
  constructor(options) {
    this.url = options.url;
    this.token = options.token;
  }

  /** @param {string[]} tags */
  purge(tags) {
    for (const key of surrogateKeys(tags)) this.pending.add(key);
    if (this.scheduled || this.pending.size === 0) return;
    this.scheduled = true;
    setImmediate(() => void this.flush());
  }

  async flush() {
    this.scheduled = false;
    const keys = [...this.pending];
    this.pending.clear();
    // Header values stay well under servers' 8 KB line limits.
    for (let start = 0; start < keys.length; start += 200) {
      const batch = keys.slice(start, start + 200).join(" ");
      try {
        const response = await fetch(this.url, {
          method: "PURGE",
          headers: { "xkey-purge": batch, ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
          signal: AbortSignal.timeout(5000),
        });
        if (!response.ok) console.error(`cdn purge: ${this.url} answered ${response.status} for ${batch}`);
      } catch (error) {
        console.error(`cdn purge: cannot reach ${this.url}:`, error instanceof Error ? error.message : error);
      }
    }
  }
}
