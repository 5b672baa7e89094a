// npm run dev: next dev with hot reload on the same database as npm start.
import { exitOnStartupError, info } from "./lib/log";
import { startServer } from "./start";

info("starting Roundup (development)…");
startServer("development").catch(exitOnStartupError);
