// npm run bench:staff: the signed-in editor dashboard (/editor) under load. Starts the production
// server on a throwaway embedded database holding the demo content plus a newsroom's worth of
// stories (BENCH_STAFF_STORIES, 20 000 by default, in every status), signs an editor in through the
// real sign-in form, then measures /editor with autocannon (50 connections) and counts the database
// queries per view. Prints figures with the load average; it passes or fails nothing.
// `-- --profile`: the server runs with node --cpu-prof; the profile is kept in .data/bench-profiles.
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { hashPassword } from "../lib/auth/password";
import { createPrismaClient } from "../lib/db-client";
import { committedTransactions, startBenchDatabase } from "./lib/bench-db";
import { processCpuMs } from "./lib/process-cpu";
import { buildIfNeeded } from "./lib/build";
import { exitOnStartupError, info } from "./lib/log";
import { findFreePort } from "./lib/ports";
import { spawnStandalone, stopServer, waitForServer } from "./lib/standalone";

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const STORIES = Number(process.env.BENCH_STAFF_STORIES ?? 20_000);
const EMAIL = "bench-editor@bench.roundup.local";
const PASSWORD = "bench editor password";
const PROFILE = process.argv.includes("--profile");

const load = () => os.loadavg().map((n) => n.toFixed(2)).join(" ");

/** The bench editor, and stories by several authors in every status (the editor wrote a fifth). */
async function prepareNewsroom(url: string): Promise<void> {
  const db = createPrismaClient(url, { max: 2 });
  try {
    const editor = await db.user.create({
      data: { email: EMAIL, name: "压测编辑", role: "EDITOR", passwordHash: await hashPassword(PASSWORD), mustChangePassword: false },
    });
    const others = await db.user.findMany({ where: { id: { not: editor.id } }, select: { id: true } });
    const authors = [editor.id, ...others.map((user) => user.id)];
    await db.$executeRawUnsafe(
      `insert into "Story" (id, slug, title, body, status, "publishedAt", "authorId", "updatedAt")
       select 'staff-' || g, 'staff-' || g, '压测报道 ' || g, '正文。',
              (array['DRAFT','IN_REVIEW','SCHEDULED','PUBLISHED','UNPUBLISHED'])[1 + g % 5]::"StoryStatus",
              case g % 5 when 2 then now() + g * interval '1 minute' when 3 then now() - g * interval '1 minute' else null end,
              case when g % 5 = 0 then $2 else ($1::text[])[1 + g % cardinality($1::text[])] end,
              now() - g * interval '1 second'
       from generate_series(1, $3::int) as g`,
      authors,
      editor.id,
      STORIES,
    );
    await db.$executeRawUnsafe(`analyze "Story"`);
  } finally {
    await db.$disconnect();
  }
}

/** Signs in through next-auth's credentials endpoint, as the sign-in form does; returns the Cookie header. */
async function signIn(base: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: csrfCookie, Origin: base },
    body: new URLSearchParams({ csrfToken, email: EMAIL, password: PASSWORD, json: "true" }),
  });
  const session = response.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`sign-in failed (HTTP ${response.status})`);
  return session.split(";")[0]!;
}

async function main(): Promise<void> {
  const database = await startBenchDatabase();
  const stats = new pg.Client({ connectionString: database.url });
  let server: ChildProcess | undefined;
  try {
    info(`adding ${STORIES} stories in every status…`);
    await prepareNewsroom(database.url);
    const port = Number(process.env.BENCH_PORT ?? (await findFreePort(3202)));
    const base = `http://127.0.0.1:${port}`;
    const env = {
      ...process.env,
      DATABASE_URL: database.url,
      AUTH_SECRET: database.authSecret,
      SITE_URL: base,
      NEXTAUTH_URL: base,
      TWO_FACTOR_REQUIRED: "none",
      NEXT_TELEMETRY_DISABLED: "1",
    };
    buildIfNeeded(env);
    const profileDir = path.resolve(".data", "bench-profiles");
    if (PROFILE) fs.mkdirSync(profileDir, { recursive: true });
    server = spawnStandalone(port, env, { nodeArgs: PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [] });
    await waitForServer(`${base}/api/health`, server);
    const cookie = await signIn(base);
    const page = await fetch(`${base}/editor`, { headers: { Cookie: cookie }, redirect: "manual" });
    if (page.status !== 200 || !(await page.text()).includes("工作台")) throw new Error(`/editor answered ${page.status} instead of the dashboard`);

    await stats.connect();
    const name = new URL(database.url).pathname.slice(1);
    const idle = await committedTransactions(stats, name);
    const overhead = (await committedTransactions(stats, name)) - idle;
    // Warm up: fill the connection pools and caches before measuring.
    await autocannon({ url: `${base}/editor`, connections: 10, duration: 3, headers: { cookie } });

    info(`measuring /editor signed in for ${SECONDS} s at ${CONNECTIONS} connections…`);
    const loadBefore = load();
    const before = await committedTransactions(stats, name);
    const cpuBefore = processCpuMs(server.pid);
    const result = await autocannon({ url: `${base}/editor`, connections: CONNECTIONS, duration: SECONDS, timeout: 30, headers: { cookie } });
    // Server CPU per view: a figure a loaded machine changes far less than requests/s.
    const cpuPerView = (processCpuMs(server.pid) - cpuBefore) / Math.max(1, result.requests.total);
    const queries = Math.max(0, (await committedTransactions(stats, name)) - before - overhead);
    console.log(`\nStaff bench: /editor signed in as an editor, ${STORIES} stories, ${CONNECTIONS} connections × ${SECONDS} s, production server`);
    console.log("| target | requests/s | p50 ms | p99 ms | DB queries per view | server CPU ms per view | errors/non-2xx | load average (before → after) |");
    console.log("|---|---:|---:|---:|---:|---:|---:|---|");
    console.log(
      `| /editor | ${result.requests.average.toFixed(0)} | ${result.latency.p50} | ${result.latency.p99} | ${(queries / Math.max(1, result.requests.total)).toFixed(2)} | ${cpuPerView.toFixed(1)} | ${result.non2xx + result.errors} | ${loadBefore} → ${load()} |`,
    );
  } finally {
    await stats.end().catch(() => undefined);
    if (server) await stopServer(server);
    if (PROFILE) console.log(`\nCPU profiles (open in Chrome DevTools): ${path.resolve(".data", "bench-profiles")}`);
    await database.stop();
  }
}

main().then(() => process.exit(0), exitOnStartupError);
