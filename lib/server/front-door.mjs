// @ts-check
// The front door of the standalone server (lib/server/roundup-server.mjs puts it before Next's own
// request handler). Every request passes here first:
// 1. Addresses and bodies Next.js would answer with a 500 are refused (lib/request-guards.mjs).
// 2. During a database outage, a public page with nothing cached gets the 503 (lib/cache/outage.mjs).
// 3. A reader's GET or HEAD of a cached page or feed that is fresh in this process's cache is
//    answered from a response kept ready with the cache entry: the bytes, their gzip and br forms,
//    the ETag and the headers Next sent for that very entry. Next's own hit path costs several times
//    a static file (it resolves the route, builds its incremental cache, hashes the HTML for the
//    ETag and gzips it again for each reader); this costs about what a file does.
// Everything else, and every first view of an entry, goes to Next, so expiry by tag, the cache bus,
// stale-while-revalidate and stale-if-error work exactly as before: this only answers when the
// cache handler itself would hand Next a fresh entry (and Next would answer "x-nextjs-cache: HIT").
// 4. The search and voting pages, rendered per request, are sent without Next's client runtime like the cached
//    pages (lib/cache/reader-html.mjs): Next renders them uncompressed, the scripts are taken out and
//    the page is compressed here.
// 5. A plain view of a voting page (no query) is kept as a template for a moment, and the next views of
//    the same address are answered from it with their own form token and voter cookie
//    (lib/selection/voting-template.mjs says for how long; the signing is Next's own code, registered
//    by instrumentation.ts: lib/selection/fast-path.ts).
// 6. A ballot (POST /selections/<slug>/vote) is answered here by the route handler's own function
//    (lib/selection/ballot-post.ts, registered the same way): the same origin check as proxy.ts, the
//    same parsing, limits and answers, without Next's per-request machinery.
import { promisify } from "node:util";
import zlib from "node:zlib";
import fresh from "fresh";
import Negotiator from "negotiator";
import { OUTAGE_HTML, RETRY_AFTER_SECONDS, cannotServeDuringOutage } from "../cache/outage.mjs";
import { withoutNextRuntime } from "../cache/reader-html.mjs";
import { SECURITY_HEADERS, contentSecurityPolicy } from "../content-security-policy.mjs";
import { refuseHostileRequest } from "../request-guards.mjs";
import { fillTemplate, makeTemplate, takeTemplateMark, templateUsable } from "../selection/voting-template.mjs";

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/**
 * @typedef {import("../cache/shared-cache-handler.mjs").ProcessCache} ProcessCache
 * @typedef {import("../cache/cache-node.mjs").Entry} Entry
 * @typedef {"br" | "gzip" | "identity"} Coding
 * @typedef {{ status: number, headers: Array<[string, string]>, etag: string | undefined, bodies: Record<Coding, Buffer>, urls: Set<string> }} Ready
 */

const CODINGS = /** @type {Coding[]} */ (["br", "gzip", "identity"]);
// Headers that belong to one response (or one connection), not to the page.
const PER_RESPONSE = new Set(["content-length", "content-encoding", "transfer-encoding", "connection", "keep-alive", "date", "etag", "vary"]);
// A kept response serves the addresses it was seen for (a trailing slash or another spelling may
// mean a redirect, so each is learned from Next); a handful is plenty.
const MAX_URLS = 8;
// br quality 9: within 7% of the smallest (quality 11) at a quarter of its CPU, spent once per entry.
const BROTLI_QUALITY = 9;
/** Entries whose response is being compressed: many readers of a new entry start one compression, not one each. */
const preparing = new WeakSet();

/**
 * What Next's bundle registers for the voting fast path (lib/selection/fast-path.ts, VotingHandle).
 * @typedef {{ status: number, headers: Record<string, string>, body: string | null }} PlainAnswer
 * @typedef {{
 *   newFormToken: (selectionId: string, now: number) => string,
 *   tokenSelection: (token: string) => string | null,
 *   voterCookieFor: (cookieHeader: string | undefined) => string | null,
 *   answerBallot: (segment: string, header: (name: string) => string | undefined, readBody: (limit: number) => Promise<Uint8Array | "tooLarge" | null>) => Promise<PlainAnswer>,
 * }} VotingHandle
 * @typedef {import("../selection/voting-template.mjs").VotingTemplate} VotingTemplate
 */

/** @returns {VotingHandle | undefined} */
function votingHandle() {
  return /** @type {{ [key: symbol]: VotingHandle | undefined }} */ (/** @type {unknown} */ (globalThis))[Symbol.for("roundup.voting")];
}

/** @returns {ProcessCache | undefined} */
function processCache() {
  return /** @type {{ [key: symbol]: ProcessCache | undefined }} */ (/** @type {unknown} */ (globalThis))[Symbol.for("roundup.cache")];
}

/**
 * True when Next would answer this request with something other than the page's HTML: a client
 * router request (RSC payload, prefetch, Server Action) or one with a query string.
 * @param {import("node:http").IncomingMessage} request
 */
function wantsPlainPage(request) {
  if (request.url === undefined || request.url.includes("?")) return false;
  return !isRouterRequest(request);
}

/** @param {import("node:http").IncomingMessage} request @returns {boolean} a request of Next's client router (payload, prefetch, Server Action) */
function isRouterRequest(request) {
  const raw = request.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    const name = /** @type {string} */ (raw[i]).toLowerCase();
    if (name === "rsc" || name.startsWith("next-") || name.startsWith("x-nextjs-") || name.startsWith("x-middleware-")) return true;
  }
  return false;
}

/**
 * The entry behind a page address when Next would serve it as a fresh hit: the cache handler's
 * rule (cache-node.mjs read) plus Next's own revalidate and expire times.
 * @param {ProcessCache} cache @param {string} pathname @param {number} now
 * @returns {{ key: string, entry: Entry } | null}
 */
function freshEntry(cache, pathname, now) {
  const key = cache.pageKey(pathname);
  if (key === undefined) return null;
  const peeked = cache.node.peek(key);
  if (!peeked || peeked.minor) return null;
  const found = cache.node.read(key, peeked.softTags, now);
  if (!found?.fresh) return null;
  const control = /** @type {{ revalidate?: unknown, expire?: unknown } | undefined} */ (found.entry.cacheControl);
  const age = now - found.entry.lastModified;
  if (typeof control?.revalidate === "number" && age >= control.revalidate * 1000) return null;
  if (typeof control?.expire === "number" && age >= control.expire * 1000) return null;
  return { key, entry: found.entry };
}

/** @param {unknown} value @returns {Buffer | null} the bytes Next sends for a cached page or route */
function bodyOf(value) {
  const cached = /** @type {{ kind?: string, html?: unknown, body?: unknown }} */ (value);
  if (cached.kind === "APP_PAGE" && typeof cached.html === "string") return Buffer.from(cached.html);
  if (cached.kind === "APP_ROUTE" && Buffer.isBuffer(cached.body)) return cached.body;
  return null;
}

const preferred = { preferred: CODINGS };
/** Accept-Encoding → coding, remembered for the few distinct values browsers send. @type {Map<string, Coding>} */
const chosenCodings = new Map();

/** @param {import("node:http").IncomingMessage} request @returns {Coding} */
function codingFor(request) {
  const accept = request.headers["accept-encoding"] ?? "";
  let coding = chosenCodings.get(accept);
  if (coding === undefined) {
    coding = /** @type {Coding | undefined} */ (new Negotiator(request).encoding(CODINGS, preferred)) ?? "identity";
    if (chosenCodings.size >= 64) chosenCodings.clear();
    chosenCodings.set(accept, coding);
  }
  return coding;
}

/**
 * @param {import("node:http").ServerResponse} response @param {number} status
 * @param {Array<[string, string]>} headers @param {Buffer | string | undefined} body
 */
function send(response, status, headers, body) {
  response.writeHead(status, headers.flat());
  response.end(body);
}

/** @param {Ready} ready @param {import("node:http").IncomingMessage} request @param {import("node:http").ServerResponse} response */
function serveReady(ready, request, response) {
  const headers = [...ready.headers];
  if (ready.etag) {
    headers.push(["etag", ready.etag]);
    if (fresh(/** @type {Record<string, string | undefined>} */ (request.headers), { etag: ready.etag })) {
      send(response, 304, headers, undefined);
      return;
    }
  }
  const coding = codingFor(request);
  const body = ready.bodies[coding];
  if (coding !== "identity") headers.push(["content-encoding", coding]);
  headers.push(["content-length", String(body.length)]);
  send(response, ready.status, headers, request.method === "HEAD" ? undefined : body);
}

/**
 * Builds the ready response from what Next sent for this entry, compresses it once, and keeps it
 * with the entry (counted against the cache's bound).
 * @param {ProcessCache} cache @param {string} key @param {Entry} entry @param {string} url
 * @param {number} status @param {import("node:http").OutgoingHttpHeaders} sent
 */
async function keep(cache, key, entry, url, status, sent) {
  const identity = bodyOf(entry.value);
  if (!identity || status !== 200 || sent["set-cookie"] !== undefined || sent["x-nextjs-cache"] !== "HIT") return;
  /** @type {Array<[string, string]>} */
  const headers = [];
  for (const [name, value] of Object.entries(sent)) {
    if (value === undefined || PER_RESPONSE.has(name)) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.push([name, String(item)]);
  }
  const vary = String(sent.vary ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  if (!vary.some((part) => part.toLowerCase() === "accept-encoding")) vary.push("Accept-Encoding");
  headers.push(["vary", vary.join(", ")]);
  const etag = typeof sent.etag === "string" ? sent.etag : undefined;
  const [zipped, brotlied] = await Promise.all([
    gzip(identity, { level: zlib.constants.Z_BEST_COMPRESSION }),
    brotli(identity, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: identity.length } }),
  ]);
  /** @type {Ready} */
  const ready = { status, headers, etag, bodies: { identity, gzip: zipped, br: brotlied }, urls: new Set([url]) };
  const headerBytes = headers.reduce((total, [name, value]) => total + name.length + value.length, 0);
  // The identity bytes are counted too: a page's HTML string is already in the entry, but this is a second copy.
  cache.node.attach(key, entry, ready, identity.length + zipped.length + brotlied.length + 2 * headerBytes + 256);
}

/**
 * Watches Next answer a view of an entry that has no ready response yet, and keeps one when that
 * answer was a plain cache hit of this very entry.
 * @param {ProcessCache} cache @param {string} key @param {Entry} entry
 * @param {import("node:http").IncomingMessage} request @param {import("node:http").ServerResponse} response
 */
function learn(cache, key, entry, request, response) {
  const url = /** @type {string} */ (request.url);
  const writeHead = response.writeHead;
  /** @type {(...args: unknown[]) => unknown} */
  const watched = function (...args) {
    response.writeHead = writeHead;
    const [status, second, third] = args;
    const given = typeof second === "object" && second !== null ? second : third;
    // Raw header arrays are not what Next sends for a page; leave such a response alone.
    if (!Array.isArray(given) && cache.node.peek(key) === entry && request.method === "GET" && !preparing.has(entry)) {
      const sent = { ...response.getHeaders(), .../** @type {import("node:http").OutgoingHttpHeaders | undefined} */ (given) };
      const code = typeof status === "number" ? status : response.statusCode;
      preparing.add(entry);
      keep(cache, key, entry, url, code, sent)
        .catch((error) => console.error("front door: could not keep a cached response:", error))
        .finally(() => preparing.delete(entry));
    }
    return Reflect.apply(writeHead, response, args);
  };
  response.writeHead = /** @type {typeof response.writeHead} */ (/** @type {unknown} */ (watched));
}

/**
 * The request listener: the front door before Next's own.
 * @param {import("node:http").RequestListener} next
 * @returns {import("node:http").RequestListener}
 */
export function frontDoor(next) {
  // The headers of the answers given here; next.config.js gives Next's the same.
  /** @type {Array<[string, string]>} */
  const own = [...SECURITY_HEADERS.map(({ key, value }) => /** @type {[string, string]} */ ([key, value])), ["content-security-policy", contentSecurityPolicy({ https: (process.env.SITE_URL ?? "").startsWith("https://") })]];

  return (request, response) => {
    const method = request.method ?? "GET";
    const url = request.url ?? "/";
    let address;
    try {
      // Only the path and query are the client's: the origin is a placeholder, so "//host/x" stays a path.
      address = new URL(`http://roundup.invalid${url.startsWith("/") ? "" : "/"}${url}`);
    } catch {
      address = null;
    }
    const refusal = address ? refuseHostileRequest({ method, url: address, header: (name) => headerValue(request, name) }) : null;
    if (!address || refusal) {
      const { status, contentType, body } = refusal ?? { status: 400, contentType: "text/plain; charset=utf-8", body: "地址无效。" };
      send(response, status, [...own, ["content-type", contentType], ["cache-control", "no-store"]], method === "HEAD" ? undefined : body);
      return;
    }
    if (cannotServeDuringOutage(method, address.pathname)) {
      const headers = [...own, ["content-type", "text/html; charset=utf-8"], ["retry-after", String(RETRY_AFTER_SECONDS)], ["cache-control", "no-store"]];
      send(response, 503, /** @type {Array<[string, string]>} */ (headers), method === "HEAD" ? undefined : OUTAGE_HTML);
      return;
    }
    const voting = method === "POST" && VOTE_ROUTE.exec(address.pathname);
    const handle = voting && !isRouterRequest(request) ? votingHandle() : undefined;
    if (voting && handle) {
      answerBallot(handle, /** @type {string} */ (voting[1]), request, response, own);
      return;
    }
    try {
      if ((method === "GET" || method === "HEAD") && wantsPlainPage(request) && answerFromCache(request, response, address.pathname, url)) return;
      if ((method === "GET" || method === "HEAD") && VOTING_PAGE.test(address.pathname) && wantsPlainPage(request) && answerFromTemplate(request, response, url)) return;
      if ((method === "GET" || method === "HEAD") && isLeanDynamicPage(address.pathname) && !isRouterRequest(request)) leanDynamicPage(request, response);
    } catch (error) {
      // A fault here must cost one reader a slower answer, never the process: Next answers instead.
      console.error(`front door: ${url}:`, error);
      if (response.headersSent) {
        response.destroy();
        return;
      }
    }
    return next(request, response);
  };
}

/**
 * Serves a kept response when the page's entry is fresh; otherwise arranges to learn one from
 * Next's answer. True when answered here.
 * @param {import("node:http").IncomingMessage} request @param {import("node:http").ServerResponse} response
 * @param {string} pathname @param {string} url
 */
function answerFromCache(request, response, pathname, url) {
  const cache = processCache();
  const found = cache ? freshEntry(cache, pathname, Date.now()) : null;
  if (!cache || !found) return false;
  const ready = /** @type {Ready | null} */ (found.entry.served);
  if (ready === null) {
    if (!preparing.has(found.entry)) learn(cache, found.key, found.entry, request, response);
    return false;
  }
  if (ready.urls.has(url)) {
    serveReady(ready, request, response);
    return true;
  }
  // Another spelling of a kept page's address: learn it from Next's answer (a redirect is not a hit).
  if (ready.urls.size < MAX_URLS) learnAddress(found.entry, ready, request, response);
  return false;
}

/**
 * Adds an address to a kept response once Next has answered it with a hit of the same entry.
 * @param {Entry} entry @param {Ready} ready
 * @param {import("node:http").IncomingMessage} request @param {import("node:http").ServerResponse} response
 */
function learnAddress(entry, ready, request, response) {
  const url = /** @type {string} */ (request.url);
  response.once("finish", () => {
    if (entry.served === ready && response.statusCode === ready.status && response.getHeader("x-nextjs-cache") === "HIT") ready.urls.add(url);
  });
}

/** @param {import("node:http").IncomingMessage} request @param {string} name */
function headerValue(request, name) {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

// Reader pages rendered per request that have no client component (see reader-html.mjs): the search
// page, and a 年度评选's voting page and its thank-you page (plain forms that post without script).
const LEAN_DYNAMIC_PAGES = [/^\/search$/, /^\/selections\/[^/]+$/, /^\/selections\/[^/]+\/thanks$/];
/** @param {string} pathname */
const isLeanDynamicPage = (pathname) => LEAN_DYNAMIC_PAGES.some((page) => page.test(pathname));
// Per-request compression: quicker settings than a kept page's, which are paid once.
const DYNAMIC_GZIP = { level: 6 };
const DYNAMIC_BROTLI = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } };

/**
 * Lets Next render a dynamic reader page as usual, but uncompressed and held until it is complete;
 * then sends it without Next's scripts, compressed as the reader asked. Anything that is not a
 * complete HTML page (a redirect, an error without a body) passes through unchanged.
 * @param {import("node:http").IncomingMessage} request @param {import("node:http").ServerResponse} response
 */
function leanDynamicPage(request, response) {
  const startedAt = Date.now();
  const coding = codingFor(request);
  // Next compresses when the request accepts it; the page is compressed here once it is lean.
  delete request.headers["accept-encoding"];
  /** @type {Buffer[]} */
  const chunks = [];
  const original = { writeHead: response.writeHead, write: response.write, end: response.end, flushHeaders: response.flushHeaders };
  const restore = () => Object.assign(response, original);
  /** @type {(...args: unknown[]) => import("node:http").ServerResponse} */
  const writeHead = (status, ...rest) => {
    // Held: the length and coding are only known at the end.
    response.statusCode = /** @type {number} */ (status);
    const given = rest.find((part) => typeof part === "object" && part !== null);
    if (Array.isArray(given)) for (let i = 0; i + 1 < given.length; i += 2) response.setHeader(String(given[i]), given[i + 1]);
    else if (given) for (const [name, value] of Object.entries(given)) if (value !== undefined) response.setHeader(name, /** @type {string | string[] | number} */ (value));
    return response;
  };
  /** @param {unknown} chunk @param {unknown} [encoding] */
  const collect = (chunk, encoding) => {
    if (chunk === undefined || chunk === null || typeof chunk === "function") return;
    chunks.push(Buffer.isBuffer(chunk) ? chunk : typeof chunk === "string" ? Buffer.from(chunk, /** @type {BufferEncoding} */ (typeof encoding === "string" ? encoding : "utf8")) : Buffer.from(/** @type {Uint8Array} */ (chunk)));
  };
  /** @type {(...args: unknown[]) => boolean} */
  const write = (chunk, encoding, callback) => {
    collect(chunk, encoding);
    const done = [encoding, callback].find((part) => typeof part === "function");
    if (done) process.nextTick(/** @type {() => void} */ (done));
    return true;
  };
  /** @type {(...args: unknown[]) => import("node:http").ServerResponse} */
  const end = (chunk, encoding, callback) => {
    collect(chunk, encoding);
    const done = /** @type {(() => void) | undefined} */ ([chunk, encoding, callback].find((part) => typeof part === "function"));
    restore();
    finish(request, response, Buffer.concat(chunks), coding, startedAt).then(
      () => done?.(),
      (error) => {
        console.error(`front door: could not send ${request.url}:`, error);
        response.destroy();
      },
    );
    return response;
  };
  Object.assign(response, { writeHead, write, end, flushHeaders: () => {} });
}

/**
 * @param {import("node:http").IncomingMessage} request @param {import("node:http").ServerResponse} response
 * @param {Buffer} body as Next rendered it, uncompressed @param {Coding} coding @param {number} startedAt when the request arrived
 */
async function finish(request, response, body, coding, startedAt) {
  const type = String(response.getHeader("content-type") ?? "");
  if (!type.startsWith("text/html") || body.length === 0 || response.getHeader("content-encoding") !== undefined) {
    response.end(body);
    return;
  }
  const { html, until } = takeTemplateMark(withoutNextRuntime(body.toString("utf8")));
  const lean = Buffer.from(html);
  const sent = coding === "identity" ? lean : await (coding === "br" ? brotli(lean, DYNAMIC_BROTLI) : gzip(lean, DYNAMIC_GZIP));
  const vary = String(response.getHeader("vary") ?? "");
  if (!/accept-encoding/i.test(vary)) response.setHeader("vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
  if (until !== null) keepTemplate(request, response, html, until, startedAt);
  if (coding !== "identity") response.setHeader("content-encoding", coding);
  // An entity tag Next gave names the rendered page; the lean, compressed form is equivalent, not identical.
  const etag = response.getHeader("etag");
  if (typeof etag === "string" && !etag.startsWith("W/")) response.setHeader("etag", `W/${etag}`);
  response.removeHeader("transfer-encoding");
  response.setHeader("content-length", String(sent.length));
  response.end(request.method === "HEAD" ? undefined : sent);
}

// A voting page's address (not its thank-you page or its vote route).
const VOTING_PAGE = /^\/selections\/[^/]+$/;
// Templates kept at once: one per selection being voted on; a handful is plenty.
const MAX_TEMPLATES = 32;
// Headers that belong to one response, not to the page a template keeps.
const NOT_TEMPLATE_HEADERS = new Set([...PER_RESPONSE, "set-cookie"].filter((name) => name !== "vary"));
/** Address → template of its plain view (lib/selection/voting-template.mjs). @type {Map<string, VotingTemplate>} */
const templates = new Map();

/**
 * Keeps Next's render of a plain voting page view as the template of its address.
 * @param {import("node:http").IncomingMessage} request @param {import("node:http").ServerResponse} response
 * @param {string} html the lean page, mark taken out @param {number} until @param {number} createdAt
 */
function keepTemplate(request, response, html, until, createdAt) {
  const handle = votingHandle();
  const url = request.url ?? "";
  if (!handle || request.method !== "GET" || response.statusCode !== 200 || !VOTING_PAGE.test(url) || !wantsPlainPage(request)) return;
  /** @type {Array<[string, string]>} */
  const headers = [];
  for (const [name, value] of Object.entries(response.getHeaders())) {
    if (value === undefined || NOT_TEMPLATE_HEADERS.has(name)) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.push([name, String(item)]);
  }
  const template = makeTemplate(html, { until, createdAt, headers, tokenSelection: handle.tokenSelection });
  if (!template) return;
  templates.delete(url);
  if (templates.size >= MAX_TEMPLATES) templates.delete(/** @type {string} */ (templates.keys().next().value));
  templates.set(url, template);
}

/**
 * Answers a plain voting page view from its address's template while it is usable: a fresh form
 * token and, for a reader without a valid one, a voter cookie; compressed as asked. True when answered.
 * @param {import("node:http").IncomingMessage} request @param {import("node:http").ServerResponse} response @param {string} url
 */
function answerFromTemplate(request, response, url) {
  const template = templates.get(url);
  const handle = votingHandle();
  if (!template || !handle) return false;
  const now = Date.now();
  if (!templateUsable(template, now, (since) => selectionChangedSince(url, since, now))) {
    templates.delete(url);
    return false;
  }
  const page = Buffer.from(fillTemplate(template, (selectionId) => handle.newFormToken(selectionId, now)));
  const coding = codingFor(request);
  const body = coding === "br" ? zlib.brotliCompressSync(page, DYNAMIC_BROTLI) : coding === "gzip" ? zlib.gzipSync(page, DYNAMIC_GZIP) : page;
  const headers = [...template.headers];
  const cookie = handle.voterCookieFor(headerValue(request, "cookie"));
  if (cookie) headers.push(["set-cookie", cookie]);
  if (coding !== "identity") headers.push(["content-encoding", coding]);
  headers.push(["content-length", String(body.length)]);
  send(response, 200, headers, request.method === "HEAD" ? undefined : body);
  return true;
}

/**
 * Whether the selection of a voting page address was changed (its cache tag expired: cacheTags.selection
 * in lib/cache/tags.ts) after a time, in this process or, through the cache bus, in another.
 * @param {string} url @param {number} since @param {number} now
 */
function selectionChangedSince(url, since, now) {
  const cache = processCache();
  if (!cache) return false;
  let slug = url.slice("/selections/".length);
  try {
    slug = decodeURIComponent(slug);
  } catch {
    return true;
  }
  // A millisecond earlier: an expiry in the very millisecond the render began may have come after its read.
  return cache.node.isOutdated([`selection:${slug}`], since - 1, now);
}

// A ballot's post (app/(site)/selections/[slug]/vote/route.ts is Next's way to the same answers).
const VOTE_ROUTE = /^\/selections\/([^/]+)\/vote$/;

/**
 * Answers a ballot with the registered function. The client's address is what Next would hand the
 * route handler: the X-Forwarded-For a trusted proxy wrote, else the connection's own address
 * (lib/forwarded-for.ts has already dropped a client's header when no proxy is trusted).
 * @param {VotingHandle} handle @param {string} segment
 * @param {import("node:http").IncomingMessage} request @param {import("node:http").ServerResponse} response
 * @param {Array<[string, string]>} own the headers of every answer given here
 */
function answerBallot(handle, segment, request, response, own) {
  request.headers["x-forwarded-for"] ??= request.socket.remoteAddress;
  let tooLarge = false;
  /** @param {number} limit */
  const readBody = (limit) =>
    readBodyUpTo(request, limit).then((body) => {
      tooLarge = body === "tooLarge";
      return body;
    });
  handle
    .answerBallot(segment, (name) => headerValue(request, name), readBody)
    .then((answer) => {
      /** @type {Array<[string, string]>} */
      const headers = [...own, ...Object.entries(answer.headers)];
      // The rest of an oversize body is not read: the connection can't carry another request.
      if (tooLarge) headers.push(["connection", "close"]);
      if (answer.body !== null) headers.push(["content-length", String(Buffer.byteLength(answer.body))]);
      send(response, answer.status, headers, answer.body ?? undefined);
    })
    .catch((error) => {
      console.error(`front door: ballot ${request.url}:`, error);
      response.destroy();
    });
}

/**
 * A request's body up to a limit: "tooLarge" past it (the rest is left unread), null when the client went away.
 * @param {import("node:http").IncomingMessage} request @param {number} limit
 * @returns {Promise<Buffer | "tooLarge" | null>}
 */
function readBodyUpTo(request, limit) {
  return new Promise((resolve) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    /** @param {Buffer} chunk */
    const onData = (chunk) => {
      size += chunk.length;
      if (size > limit) {
        request.off("data", onData);
        request.pause();
        resolve("tooLarge");
        return;
      }
      chunks.push(chunk);
    };
    request.on("data", onData);
    request.once("end", () => resolve(Buffer.concat(chunks)));
    request.once("error", () => resolve(null));
    request.once("aborted", () => resolve(null));
  });
}
