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

/** Set by proxy.ts on every staff and sign-in request (overwriting anything the client sent). */
export const REQUESTED_PATH_HEADER = "x-roundup-path";

/** Path prefixes whose pages are dynamic and get the nonce policy; everything else gets the static one. */
export const NONCE_PATH_PREFIXES = ["/editor", "/admin", "/login", "/change-password", "/two-factor", "/invite"] as const;

export function usesNoncePolicy(pathname: string): boolean {
  return NONCE_PATH_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

type PolicyOptions = { nonce?: string; development?: boolean; https?: boolean };

/** The policy text: with a nonce, only scripts carrying it run; without one (cached public pages), same-origin and inline scripts. */
export function contentSecurityPolicy({ nonce, development = false, https = false }: PolicyOptions): string {
  // React's development build evaluates code for its stack traces; production never needs eval.
  const evalSource = development ? " 'unsafe-eval'" : "";
  const script = nonce ? `'self' 'nonce-${nonce}' 'strict-dynamic'${evalSource}` : `'self' 'unsafe-inline'${evalSource}`;
  const directives = [
    "default-src 'self'",
    `script-src ${script}`,
    // Inline style attributes are harmless compared with script and React sets some; no remote styles.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${development ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** 128 random bits, base64: unguessable and in the alphabet Next.js accepts for nonces. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
