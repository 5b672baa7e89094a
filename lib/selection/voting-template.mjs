// @ts-check
// The voting page as a template (used by the front door, lib/server/front-door.mjs). The page is
// rendered per request only because each view carries a fresh signed form token (the ballot's
// idempotency key) and, for a new reader, a fresh voter cookie; everything else is the same for
// every reader for a while. So the front door keeps Next's render of a plain view (no message,
// nothing ticked) and serves the next views of the same address from it, each with its own token
// and cookie, until the first of:
// - TEMPLATE_TTL_MS after the render began (the running totals on the page say they are updated
//   "几秒钟"; they are themselves cached for up to 5 s, lib/selection/totals-expiry.ts);
// - the window's next change (opening or closing: the page shows upcoming / open / closed by the
//   clock), which the page writes in TEMPLATE_UNTIL_ATTRIBUTE and this takes out again;
// - an expiry of the selection's cache tag (an editor's change, in this process at once and in
//   others through the cache bus), checked by the front door against the render's start.
// Plain JavaScript because the front door runs outside the TypeScript build; the page imports the
// attribute's name from here.

/** The attribute the voting page sets on a view that may become a template: ms since the epoch, or "never". */
export const TEMPLATE_UNTIL_ATTRIBUTE = "data-front-door-until";
export const TEMPLATE_TTL_MS = 2_000;

const MARK = new RegExp(` ${TEMPLATE_UNTIL_ATTRIBUTE}="([^"]*)"`);
const TOKEN = /(<input type="hidden" name="token" value=")([^"]*)(")/;

/**
 * @typedef {{ prefix: string, suffix: string, selectionId: string | null, headers: Array<[string, string]>, createdAt: number, until: number }} VotingTemplate
 * The page split around its form token (suffix "" and selectionId null when the page has no form:
 * not yet open, or closed), the headers Next sent that belong to the page, and its lifetime.
 */

/**
 * Takes the mark out of a rendered voting page. `until` is the window's next change (ms; Infinity
 * for "never"), or null when the page has no mark (a message or ticked choices: never a template).
 * @param {string} html @returns {{ html: string, until: number | null }}
 */
export function takeTemplateMark(html) {
  const found = MARK.exec(html);
  if (!found) return { html, until: null };
  const stripped = html.slice(0, found.index) + html.slice(found.index + found[0].length);
  const value = found[1] ?? "";
  const until = value === "never" ? Infinity : /^\d+$/.test(value) ? Number(value) : null;
  return { html: stripped, until };
}

/**
 * A template of a plain view, or null when the page can't be one (its token is not one this server
 * signed, or the form is there twice).
 * @param {string} html the lean page with its mark taken out
 * @param {{ until: number, createdAt: number, headers: Array<[string, string]>, tokenSelection: (token: string) => string | null }} options
 * @returns {VotingTemplate | null}
 */
export function makeTemplate(html, { until, createdAt, headers, tokenSelection }) {
  const found = TOKEN.exec(html);
  if (!found) return { prefix: html, suffix: "", selectionId: null, headers, createdAt, until: Math.min(until, createdAt + TEMPLATE_TTL_MS) };
  const end = found.index + found[0].length;
  if (TOKEN.test(html.slice(end))) return null;
  const selectionId = tokenSelection(found[2] ?? "");
  if (!selectionId) return null;
  const prefix = html.slice(0, found.index) + (found[1] ?? "");
  const suffix = (found[3] ?? "") + html.slice(end);
  return { prefix, suffix, selectionId, headers, createdAt, until: Math.min(until, createdAt + TEMPLATE_TTL_MS) };
}

/**
 * Whether a template may still answer: before its TTL and the window's next change, and no change
 * to the selection since its render began.
 * @param {VotingTemplate} template @param {number} now @param {(createdAt: number) => boolean} changedSince
 */
export function templateUsable(template, now, changedSince) {
  return now < template.until && now >= template.createdAt && !changedSince(template.createdAt);
}

/**
 * The page for one reader: the template with a fresh form token (signed for the template's selection).
 * @param {VotingTemplate} template @param {(selectionId: string) => string} newToken
 */
export function fillTemplate(template, newToken) {
  return template.selectionId === null ? template.prefix : template.prefix + newToken(template.selectionId) + template.suffix;
}
