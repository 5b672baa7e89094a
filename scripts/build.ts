// npm run build: a production build; it needs no database (every data page renders at request time).
import { buildIfNeeded } from "./lib/build";
import { loadEnvFile } from "./lib/env-file";
import { exitOnStartupError } from "./lib/log";

try {
  loadEnvFile();
  buildIfNeeded({ ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, process.argv.includes("--force"));
} catch (error) {
  exitOnStartupError(error);
}
