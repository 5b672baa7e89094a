// @ts-check
// Cached reader pages without Next.js's client runtime.
//
// No cached public page has a client component (a juror's score sheet, rendered per request, has
// one and works without it): the pages are documents, links are plain <a>, forms post without
// JavaScript, and the one enhancement (copying a story's address) is a small static script
// (public/reader.js). Yet the App Router sends every page with its runtime (react-dom and the
// router, about 130 KB gzipped in eight scripts) and the page's React payload inline (two thirds of
// the HTML), only to hydrate markup that never changes; it has no per-page switch to leave them
// out. So the cache handler stores a public page without them: the scripts under /_next/, their
// preloads and the inline payload go; structured data (JSON-LD) and scripts of the site's own stay.
//
// React only inlines finished HTML here: a page whose markup still waits for a script to move a
// streamed part into place (a Suspense boundary that resolved late) is stored as Next rendered it.

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
const LINK = /<link\b[^>]*>/gi;
// React's streaming instructions and the templates they fill: the page depends on the runtime.
const STREAMED = /\$RC\(|\$RS\(|\$RX\(|<template\b/;

/** @param {string} tag @param {string} name @returns {string | undefined} */
function attribute(tag, name) {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, "i").exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

/** @param {string} attributes of a <script> tag @returns {boolean} whether it is Next's (runtime, bootstrap or payload) */
function isNextScript(attributes) {
  const type = attribute(attributes, "type")?.toLowerCase();
  if (type !== undefined && type !== "module" && type !== "text/javascript" && type !== "application/javascript") return false;
  const src = attribute(attributes, "src");
  // Inline scripts of an App Router page are Next's: the bootstrap and the payload chunks.
  return src === undefined || src.startsWith("/_next/");
}

/** @param {string} tag a <link> tag @returns {boolean} whether it preloads one of Next's scripts */
function isScriptPreload(tag) {
  const rel = attribute(tag, "rel")?.toLowerCase();
  const href = attribute(tag, "href") ?? "";
  if (rel === "modulepreload") return href.startsWith("/_next/");
  return rel === "preload" && attribute(tag, "as")?.toLowerCase() === "script" && href.startsWith("/_next/");
}

/**
 * The page without Next's scripts, or the page itself when it needs them.
 * @param {string} html
 * @returns {string}
 */
export function withoutNextRuntime(html) {
  if (STREAMED.test(html)) return html;
  return html.replace(SCRIPT, (whole, attributes) => (isNextScript(attributes) ? "" : whole)).replace(LINK, (tag) => (isScriptPreload(tag) ? "" : tag));
}
