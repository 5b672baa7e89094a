// npm run build: a production build. It reads no data from the database, but the data layer needs
// DATABASE_URL (and the auth routes AUTH_SECRET) set when the build loads it: npm start and npm test pass them.
import { buildIfNeeded } from "./lib/build";
import { loadEnvFile } from "./lib/env-file";
import { exitOnStartupError } from "./lib/log";

try {
  loadEnvFile();
  buildIfNeeded({ ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, process.argv.includes("--force"));
} catch (error) {
  exitOnStartupError(error);
}
