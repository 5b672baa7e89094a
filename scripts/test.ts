// npm test: typecheck, lint, unit tests, integration tests on a throwaway embedded PostgreSQL,
// then Playwright end-to-end tests in Chromium against the production build on that database.
import { buildIfNeeded } from "./lib/build";
import { exitOnStartupError, info } from "./lib/log";
import { runStep } from "./lib/run";
import { startTestDatabases, type TestDatabases } from "./lib/test-db";

async function main(): Promise<number> {
  const started = Date.now();
  const fast: [string, string[]][] = [
    ["typecheck", ["npx", "--no-install", "tsc", "--noEmit"]],
    ["lint", ["npx", "--no-install", "eslint", "--max-warnings", "0", "."]],
    ["unit tests", ["npx", "--no-install", "vitest", "run", "--project", "unit"]],
  ];
  for (const [label, command] of fast) {
    const code = await runStep(label, command);
    if (code !== 0) return code;
  }

  let dbs: TestDatabases | undefined;
  const stopOnSignal = () => void dbs?.stop().finally(() => process.exit(130));
  process.on("SIGINT", stopOnSignal);
  process.on("SIGTERM", stopOnSignal);
  try {
    dbs = await startTestDatabases();
    const integration = await runStep("integration tests", ["npx", "--no-install", "vitest", "run", "--project", "integration"], {
      ...process.env,
      DATABASE_URL: dbs.integrationUrl,
      AUTH_SECRET: dbs.authSecret,
      TEMPLATE_DATABASE_URL: dbs.templateUrl,
    });
    if (integration !== 0) return integration;

    const env = { ...process.env, DATABASE_URL: dbs.e2eUrl, AUTH_SECRET: dbs.authSecret, NEXT_TELEMETRY_DISABLED: "1" };
    buildIfNeeded(env);
    const e2e = await runStep("end-to-end tests", ["npx", "--no-install", "playwright", "test"], env);
    if (e2e !== 0) return e2e;
    info(`all test stages passed in ${Math.round((Date.now() - started) / 1000)} s`);
    return 0;
  } finally {
    await dbs?.stop();
  }
}

main().then((code) => process.exit(code), exitOnStartupError);
