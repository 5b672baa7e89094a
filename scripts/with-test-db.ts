// Runs one command against a throwaway test database, e.g. `npm run test:e2e -- e2e/home.spec.ts`.
// The command sees DATABASE_URL (the seeded e2e database; INTEGRATION_DATABASE_URL for the other) and AUTH_SECRET.
import { buildIfNeeded } from "./lib/build";
import { exitOnStartupError } from "./lib/log";
import { runStep } from "./lib/run";
import { startTestDatabases } from "./lib/test-db";

async function main(): Promise<number> {
  const [bin, ...args] = process.argv.slice(2);
  if (!bin) throw new Error("usage: tsx scripts/with-test-db.ts <command> [args…]");
  const dbs = await startTestDatabases();
  try {
    const isIntegration = args.includes("integration");
    const env = {
      ...process.env,
      DATABASE_URL: isIntegration ? dbs.integrationUrl : dbs.e2eUrl,
      AUTH_SECRET: dbs.authSecret,
      TEMPLATE_DATABASE_URL: dbs.templateUrl,
      NEXT_TELEMETRY_DISABLED: "1",
    };
    if (bin === "playwright") buildIfNeeded(env);
    return await runStep(bin, ["npx", "--no-install", bin, ...args], env);
  } finally {
    await dbs.stop();
  }
}

main().then((code) => process.exit(code), exitOnStartupError);
