// Stand-in for the "server-only" guard package under vitest, where there is no React Server
// Components bundler to honour it. The real guard still protects every Next.js build.
export {};
