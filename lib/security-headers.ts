// Content-Security-Policy for the two kinds of pages Roundup serves.
//
// Staff and sign-in pages are rendered per request anyway (they read the session), so each response
// gets a fresh nonce and only scripts carrying it (and what they load, via 'strict-dynamic') run.
// Public pages are cached and shared between readers, so a per-request nonce is impossible there and
// their inline React payload changes with every edit, so it can't be hashed into a fixed header
// either. They get a policy with no inline script at all: the server-rendered HTML is complete
// without JavaScript, and injected markup can't run script on a reader's page.

/** Path prefixes whose pages are dynamic and get the nonce policy; everything else gets the static one. */
export const NONCE_PATH_PREFIXES = ["/editor", "/admin", "/login", "/change-password", "/invite"] as const;

export function usesNoncePolicy(pathname: string): boolean {
  return NONCE_PATH_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

type PolicyOptions = { nonce?: string; development?: boolean; https?: boolean };

/** The policy text; with a nonce, inline scripts need it, without one no inline script runs. */
export function contentSecurityPolicy({ nonce, development = false, https = false }: PolicyOptions): string {
  // React's development build evaluates code for its stack traces; production never needs eval.
  const evalSource = development ? " 'unsafe-eval'" : "";
  const script = nonce ? `'self' 'nonce-${nonce}' 'strict-dynamic'${evalSource}` : `'self'${evalSource}`;
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
