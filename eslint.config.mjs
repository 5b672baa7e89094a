import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Reader pages link with plain <a>: a click loads the next cached page whole, so they need no
    // client router code and send no prefetch requests (next/link prefetches every link in view).
    files: ["app/(site)/**", "app/not-found.tsx", "app/forbidden.tsx", "components/site/**"],
    rules: { "@next/next/no-html-link-for-pages": "off" },
  },
  {
    // Only the data layer talks to the database (plus scripts, seed data and tests): pages,
    // components and actions go through lib/data, which checks the caller's role where the data is.
    files: ["**/*.{ts,tsx,js,jsx,mjs,mts}"],
    ignores: ["lib/data/**", "lib/db.ts", "lib/db-client.ts", "scripts/**", "prisma/**", "prisma.config.ts", "tests/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(@/|(\\.\\./|\\./)+)(lib/db(-client)?|generated/prisma/(client|browser|models|internal)(/.*)?)$",
              message: "Only lib/data (and scripts, prisma, tests) may use the database: call a lib/data function instead.",
            },
            {
              regex: "^@prisma/client(/.*)?$",
              message: "Only lib/data (and scripts, prisma, tests) may use the database: call a lib/data function instead.",
            },
          ],
        },
      ],
    },
  },
  globalIgnores([".next/**", ".data/**", "generated/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
]);
