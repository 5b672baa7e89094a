// @ts-check
// The Content-Security-Policy text and the headers every response carries. Plain JavaScript because
// next.config.js (the public pages' policy and the common headers) and the front door of the
// standalone server (lib/server/front-door.mjs, for the answers it gives itself) read it outside the
// TypeScript build; lib/security-headers.ts explains the two policies.

/** Path prefixes whose pages are dynamic and get the nonce policy (proxy.ts); everything else gets the static one (next.config.js). */
export const NONCE_PATH_PREFIXES = /** @type {const} */ (["/editor", "/admin", "/login", "/change-password", "/two-factor", "/invite"]);

/**
 * The policy text: with a nonce, only scripts carrying it run; without one (cached public pages), same-origin and inline scripts.
 * @param {{ nonce?: string, development?: boolean, https?: boolean }} options
 */
export function contentSecurityPolicy({ nonce, development = false, https = false }) {
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

/** On every response, static files included (next.config.js sends them; the front door's own answers too). */
export const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // For browsers that predate CSP's frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];
