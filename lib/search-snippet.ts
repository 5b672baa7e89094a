// Builds the short excerpt a search result shows, with every occurrence of the search words marked.

export type SnippetPart = { text: string; hit: boolean };

const BEFORE = 30;
const LENGTH = 110;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Splits text into plain and matching parts (case-insensitive for Latin letters). */
export function markMatches(text: string, terms: string[]): SnippetPart[] {
  const usable = terms.filter((term) => term.length > 0).sort((a, b) => b.length - a.length);
  if (usable.length === 0) return [{ text, hit: false }];
  const pattern = new RegExp(`(${usable.map(escapeRegExp).join("|")})`, "gi");
  return text
    .split(pattern)
    .filter((part) => part.length > 0)
    .map((part) => ({ text: part, hit: usable.some((term) => term.toLowerCase() === part.toLowerCase()) }));
}

/** An excerpt of about LENGTH characters around the first match, with ellipses where it is cut. */
export function buildSnippet(text: string, terms: string[]): SnippetPart[] {
  const lower = text.toLowerCase();
  const positions = terms.map((term) => lower.indexOf(term.toLowerCase())).filter((index) => index >= 0);
  const first = positions.length > 0 ? Math.min(...positions) : 0;
  const start = Math.max(0, first - BEFORE);
  const end = Math.min(text.length, start + LENGTH);
  const excerpt = `${start > 0 ? "…" : ""}${text.slice(start, end)}${end < text.length ? "…" : ""}`;
  return markMatches(excerpt, terms);
}
