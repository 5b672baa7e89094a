// npm start: production server on the embedded database (or DATABASE_URL), with demo content on a new database.
//   npm start                    build when the sources changed, migrate, serve (one machine, the demo)
//   npm start -- --skip-build    serve the existing build (npm run build was the release step)
//   npm start -- --skip-migrate  leave the schema alone (npm run db:migrate was the release step);
//                                refuses to start while migrations are pending
//   npm run serve                both: what each of N replicas runs
import path from "node:path";
import { resolveAuthSecret } from "./lib/auth-secret";
import { STANDALONE_DIR, buildIfNeeded, hasBuild } from "./lib/build";
import { loadEnvFile } from "./lib/env-file";
import { StartupError, exitOnStartupError, info } from "./lib/log";
import { isPortFree } from "./lib/ports";
import { openDatabaseForServing, printSignInHelp } from "./lib/prepare";
import { runUntilStopped } from "./lib/serve";
import { serverCommand, serverEnv } from "./lib/standalone";

export type StartOptions = { build: boolean; migrate: boolean };

export async function startServer(mode: "production" | "development", options: StartOptions = { build: true, migrate: true }): Promise<void> {
  loadEnvFile();
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new StartupError(`PORT 必须是 1–65535 之间的整数（当前为 ${process.env.PORT}）。`);
  if (!(await isPortFree(port, "0.0.0.0"))) {
    throw new StartupError(`端口 ${port} 已被占用：请停止占用它的程序，或换一个端口，例如 PORT=${port + 1} npm ${mode === "production" ? "start" : "run dev"}。`);
  }
  if (mode === "production" && !options.build && !hasBuild()) {
    throw new StartupError("没有可用的生产构建（.next/standalone）：请先运行 npm run build，或去掉 --skip-build。");
  }

  const db = await openDatabaseForServing({ migrate: options.migrate });
  try {
    const authSecret = resolveAuthSecret(db.embedded);
    const siteUrl = process.env.SITE_URL?.trim() || `http://localhost:${port}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: db.url,
      AUTH_SECRET: authSecret,
      SITE_URL: siteUrl,
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? siteUrl,
      // The standalone server runs from its own folder: relative paths must not move with it.
      UPLOAD_DIR: path.resolve(process.env.UPLOAD_DIR?.trim() || ".data/uploads"),
      NEXT_TELEMETRY_DISABLED: "1",
    };
    if (mode === "production" && options.build) buildIfNeeded(env);
    printSignInHelp(siteUrl, db.demo);
    if (mode === "production") {
      // HOSTNAME is often the machine's name in a shell: the standalone server would listen on that alone.
      runUntilStopped(serverCommand(env), { env: { ...serverEnv(env), NODE_ENV: "production", PORT: String(port), HOSTNAME: "0.0.0.0" }, cwd: STANDALONE_DIR }, db.stop);
    } else {
      runUntilStopped(["node", path.resolve("node_modules/next/dist/bin/next"), "dev", "-p", String(port)], { env: { ...env, NODE_ENV: "development" } }, db.stop);
    }
  } catch (error) {
    await db.stop();
    throw error;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const flags = new Set(process.argv.slice(2));
  const options = { build: !flags.has("--skip-build"), migrate: !flags.has("--skip-migrate") };
  info(`starting Roundup (production${options.build ? "" : ", prebuilt"}${options.migrate ? "" : ", schema migrated by the release step"})…`);
  startServer("production", options).catch(exitOnStartupError);
}
