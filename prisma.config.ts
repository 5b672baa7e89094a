import { defineConfig } from "prisma/config";
import { cliAdapter } from "./prisma/cli-adapter";

// Prisma 7's CLI downloads a native engine, which is unreachable offline; Prisma 6's WebAssembly
// engine ("js") with the pg adapter runs every command we need without any download.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  adapter: async () => {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set: run Prisma through the npm scripts, which start the database.");
    return cliAdapter(connectionString);
  },
});
