import { NONCE_PATH_PREFIXES } from "@/lib/content-security-policy.mjs";

// Content-Security-Policy for the two kinds of pages Roundup serves.
//
// Staff and sign-in pages are rendered per request anyway (they read the session), so each response
// gets a fresh nonce and only scripts carrying it (and what they load, via 'strict-dynamic') run.
//
// Public pages are cached and shared between readers, so a per-request nonce is impossible there.
// Hashes don't fit either: Next.js inlines each page's React payload (self.__next_f.push(…)), which
// changes with every edit, and some UI (the 404 page, streamed Suspense content) exists only in that
// payload. Blocking inline script there breaks those pages, so the public policy allows inline
// script but nothing from another origin, no plugins, no <base> rewriting, no framing and no form
// posts elsewhere. What readers see is protected first by sanitized Markdown (lib/markdown.ts).
//
// The public policy is a constant, so next.config.js sends it (no proxy runs for public pages); proxy.ts
// sends the nonce policy on the staff and sign-in pages.

/** Set by proxy.ts on every staff and sign-in request (overwriting anything the client sent). */
export const REQUESTED_PATH_HEADER = "x-roundup-path";

export { NONCE_PATH_PREFIXES, contentSecurityPolicy } from "@/lib/content-security-policy.mjs";

export function usesNoncePolicy(pathname: string): boolean {
  return NONCE_PATH_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

/** 128 random bits, base64: unguessable and in the alphabet Next.js accepts for nonces. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
