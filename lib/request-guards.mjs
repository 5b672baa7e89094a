// @ts-check
// Requests refused before Next.js parses them, because Next itself answers them with a 500: a path
// segment that is not valid percent-encoding (/stories/%, /roundups/%FF), and a Server Action body
// over the size limit (Next's action handler turns its own 413 into a 500). Control characters are
// refused in the path (no page means them), and NUL and its kin in query values (PostgreSQL rejects
// them in text); tabs and line breaks may stay in a query (a textarea sent by GET, a callbackUrl
// that safe-redirect.ts cleans up).
//
// Plain JavaScript because the front door (lib/server/front-door.mjs) applies these to every
// request in the standalone server, outside the TypeScript build.

/** Must match experimental.serverActions.bodySizeLimit in next.config.js (tests/unit/request-guards.test.ts checks). */
export const ACTION_BODY_LIMIT_BYTES = 11 * 1024 * 1024;

// C0 controls and DEL; in a path, tab and line breaks are as unwelcome as the rest.
const CONTROL = /[\u0000-\u001f\u007f]/;
const CONTROL_BUT_WHITESPACE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** @param {string} part */
function decodes(part) {
  try {
    return !CONTROL.test(decodeURIComponent(part));
  } catch {
    return false;
  }
}

/**
 * The problem with an address, or null when every path segment and query value decodes to clean text.
 * @param {URL} url @returns {"path" | "query" | null}
 */
export function malformedAddress(url) {
  if (!url.pathname.split("/").every(decodes)) return "path";
  // URLSearchParams decodes leniently (a lone % stays as typed), so only control characters matter here.
  for (const [key, value] of url.searchParams) if (CONTROL_BUT_WHITESPACE.test(key) || CONTROL_BUT_WHITESPACE.test(value)) return "query";
  return null;
}

/** @param {string} title @param {string} text */
const html = (title, text) =>
  `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>${title}</title><h1>${title}</h1><p>${text}</p><p><a href="/">返回首页</a></p></html>`;

/**
 * @typedef {{ status: number, contentType: string, body: string }} Refusal
 * @param {{ method: string, url: URL, header: (name: string) => string | null | undefined }} request
 * @returns {Refusal | null} a 400 for an address no page could mean, a 413 for a Server Action body over the limit, or null
 */
export function refuseHostileRequest(request) {
  if (malformedAddress(request.url)) {
    return { status: 400, contentType: "text/html; charset=utf-8", body: html("地址无效", "这个网址含有无法识别的字符，请检查后重试。") };
  }
  if (request.method === "POST" && request.header("next-action")) {
    // Browsers send the length of a Server Action's form data. A chunked body without one is left to
    // Next's own limit: refusing it could lock out a client behind a proxy that re-chunks bodies.
    const length = Number(request.header("content-length") ?? 0);
    if (length > ACTION_BODY_LIMIT_BYTES) {
      return { status: 413, contentType: "text/plain; charset=utf-8", body: `提交的内容太大：一次最多 ${ACTION_BODY_LIMIT_BYTES / 1024 / 1024} MB。` };
    }
  }
  return null;
}
