import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(__dirname),
  "server-only": path.resolve(__dirname, "tests/support/server-only.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      { resolve: { alias }, test: { name: "unit", include: ["tests/unit/**/*.test.ts", "tests/security/redirect-table.test.ts", "tests/security/action-origin.test.ts"], environment: "node" } },
      {
        resolve: { alias },
        test: {
          name: "integration",
          // tests/security: the hostile suite of issue 9 (bad input, forced races, redirects, tokens); the
          // tables that need no database run as unit tests.
          include: ["tests/integration/**/*.test.ts", "tests/security/**/*.test.ts"],
          exclude: ["tests/security/redirect-table.test.ts", "tests/security/action-origin.test.ts"],
          environment: "node",
          // One database for the whole run: files run one after another so their rows don't race.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
