// @ts-check
// Readers during a database outage. Cached pages keep being served by the cache handler (stale if
// need be); a page that was never cached can't be rendered, and Next 16 answers any render failure
// with a 500 (app-render sets it; only notFound/forbidden/unauthorized choose another status). So
// the server's front door (lib/server/front-door.mjs) asks here before Next sees the request and
// answers such a page with a 503 and Retry-After itself.

/** Paths that are not public pages: staff areas say what is wrong themselves (app/error.tsx). */
const NOT_PUBLIC = ["/editor", "/admin", "/login", "/change-password", "/invite", "/media", "/api", "/_next"];

export const RETRY_AFTER_SECONDS = 30;

/** @returns {import("./shared-cache-handler.mjs").ProcessCache | undefined} */
function processCache() {
  return /** @type {{ [key: symbol]: import("./shared-cache-handler.mjs").ProcessCache | undefined }} */ (/** @type {unknown} */ (globalThis))[Symbol.for("roundup.cache")];
}

/**
 * True when the cache bus has lost the database and this public page has nothing cached to serve.
 * A process still making its first connection lets pages try: nothing has failed yet.
 * @param {string} method @param {string} pathname
 */
export function cannotServeDuringOutage(method, pathname) {
  if (method !== "GET" && method !== "HEAD") return false;
  if (NOT_PUBLIC.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`))) return false;
  const cache = processCache();
  // Before the first cached read there is no bus yet: let the page try.
  if (!cache?.bus || cache.bus.state === "up" || cache.bus.state === "closed" || cache.bus.lostAt === 0) return false;
  return !cache.hasPage(pathname);
}

/** The reader's 503 page: plain Chinese, never cached. */
export const OUTAGE_HTML = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>暂时无法访问 · Roundup 新闻</title>
<style>body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.7;color:#1a1a1a}a{color:#0b5cad}</style></head>
<body><main><h1>这个页面暂时无法显示</h1>
<p>网站的数据库暂时无法连接，我们正在恢复。请约 ${RETRY_AFTER_SECONDS} 秒后刷新页面。</p>
<p>已经打开过的报道和榜单页面仍可照常阅读：<a href="/">返回首页</a></p></main></body></html>`;
