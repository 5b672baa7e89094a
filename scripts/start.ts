// npm start: production server on the embedded database (or DATABASE_URL), with demo content on a new database.
import { resolveAuthSecret } from "./lib/auth-secret";
import { buildIfNeeded } from "./lib/build";
import { loadEnvFile } from "./lib/env-file";
import { StartupError, exitOnStartupError, info } from "./lib/log";
import { isPortFree } from "./lib/ports";
import { prepareDatabase, printSignInHelp } from "./lib/prepare";
import { runUntilStopped } from "./lib/serve";

export async function startServer(mode: "production" | "development"): Promise<void> {
  loadEnvFile();
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new StartupError(`PORT 必须是 1–65535 之间的整数（当前为 ${process.env.PORT}）。`);
  if (!(await isPortFree(port, "0.0.0.0"))) {
    throw new StartupError(`端口 ${port} 已被占用：请停止占用它的程序，或换一个端口，例如 PORT=${port + 1} npm ${mode === "production" ? "start" : "run dev"}。`);
  }

  const db = await prepareDatabase();
  try {
    const authSecret = resolveAuthSecret(db.embedded);
    const siteUrl = process.env.SITE_URL?.trim() || `http://localhost:${port}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: db.url,
      AUTH_SECRET: authSecret,
      SITE_URL: siteUrl,
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? siteUrl,
      NEXT_TELEMETRY_DISABLED: "1",
    };
    if (mode === "production") buildIfNeeded(env);
    const command =
      mode === "production" ? ["npx", "--no-install", "next", "start", "-p", String(port)] : ["npx", "--no-install", "next", "dev", "-p", String(port)];
    printSignInHelp(siteUrl, db.demo);
    runUntilStopped(command, { ...env, NODE_ENV: mode }, db.stop);
  } catch (error) {
    await db.stop();
    throw error;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  info("starting Roundup (production)…");
  startServer("production").catch(exitOnStartupError);
}
