// Runs `prisma generate` offline. Prisma 6's CLI tries to download a native query-engine library
// even though the generated client (engineType "client") never loads it; pointing
// PRISMA_QUERY_ENGINE_LIBRARY at any existing file satisfies that check without a download.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const env = {
  ...process.env,
  PRISMA_QUERY_ENGINE_LIBRARY: process.env.PRISMA_QUERY_ENGINE_LIBRARY ?? fileURLToPath(import.meta.url),
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
const result = spawnSync("npx", ["--no-install", "prisma", "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
