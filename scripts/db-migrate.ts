// npm run db:migrate: apply migrations (and, in demo mode, seed a new database), then stop.
import { loadEnvFile } from "./lib/env-file";
import { exitOnStartupError } from "./lib/log";
import { prepareDatabase } from "./lib/prepare";

loadEnvFile();
prepareDatabase()
  .then((db) => db.stop())
  .catch(exitOnStartupError);
