// npm run bench: the production server (with its front door) on a throwaway embedded database,
// measured with autocannon (50 connections, no Accept-Encoding, like a plain file fetch) on a
// same-size static copy of the home page in public/, a _next/static stylesheet (the ceiling: a file
// Next serves with nothing in front), and the cached home, roundup, story, section, tag pages and the
// feed; database queries counted per cached view. Prints one table with the load average beside each
// figure; it passes or fails nothing. On a shared machine compare the ratios within one run.
//
//   npm run bench                      the table (BENCH_SECONDS per target, default 10)
//   npm run bench -- --soak 300        then 300 s of mixed reader load (every page of the sitemap, the
//                                      feed, searches; br, gzip and plain), in rounds of at most 60 s,
//                                      printing the server's RSS and V8 heap after each round
//   npm run bench -- --profile         the server runs with node --cpu-prof; the profile's path is printed
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { startBenchDatabase, committedTransactions } from "./lib/bench-db";
import { STANDALONE_DIR, buildIfNeeded } from "./lib/build";
import { exitOnStartupError, info } from "./lib/log";
import { findFreePort } from "./lib/ports";
import { spawnStandalone, stopServer, waitForServer } from "./lib/standalone";

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const SOAK_ROUND_SECONDS = 60;

// A byte-for-byte copy of the home page as a file in public/, written for the run and removed after:
// the fair static baseline for a cached page. The standalone server serves public/ from its own folder.
const STATIC_COPY_NAME = "bench-home-copy.html";
const STATIC_COPY = path.join(STANDALONE_DIR, "public", STATIC_COPY_NAME);

type Target = { name: string; path: string; cached: boolean };
type Row = Target & { rps: number; p50: number; p99: number; non2xx: number; queriesPerView: number; load: string };

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  if (at === -1) return undefined;
  const value = process.argv[at + 1];
  return value && !value.startsWith("--") ? value : "";
}

/** The 1-, 5- and 15-minute load averages. */
const loadAverage = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(" ");

/** Addresses of the site's pages, from its own sitemap (so the bench follows the demo content). */
async function sitemapPaths(base: string): Promise<string[]> {
  const xml = await (await fetch(`${base}/sitemap.xml`)).text();
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);
}

function firstUnder(paths: string[], prefix: string): string {
  const found = paths.find((p) => p.startsWith(prefix) && p.length > prefix.length && !p.includes("/page/"));
  if (!found) throw new Error(`the sitemap lists no page under ${prefix}`);
  return found;
}

async function targets(base: string): Promise<Target[]> {
  const paths = await sitemapPaths(base);
  const css = /href="(\/_next\/static\/[^"]+\.css)"/.exec(await (await fetch(`${base}/`)).text())?.[1];
  if (!css) throw new Error("the home page links no stylesheet under /_next/static");
  return [
    { name: "static copy of home (public/)", path: `/${STATIC_COPY_NAME}`, cached: false },
    { name: "_next/static CSS (ceiling)", path: css, cached: false },
    { name: "home", path: "/", cached: true },
    { name: "roundup", path: firstUnder(paths, "/roundups/"), cached: true },
    { name: "story", path: firstUnder(paths, "/stories/"), cached: true },
    { name: "section", path: firstUnder(paths, "/sections/"), cached: true },
    { name: "tag", path: firstUnder(paths, "/tags/"), cached: true },
    { name: "feed.xml", path: "/feed.xml", cached: true },
  ];
}

/** Resident memory of a process, from /proc (Linux). */
function residentMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
}

/** The server's V8 heap in use, from a Node diagnostic report it writes on SIGUSR2 (see spawn below). */
async function heapMiB(pid: number, reportDir: string): Promise<number> {
  const before = new Set(fs.readdirSync(reportDir));
  process.kill(pid, "SIGUSR2");
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const written = fs.readdirSync(reportDir).find((name) => !before.has(name) && name.endsWith(".json"));
    if (written) {
      try {
        const report = JSON.parse(fs.readFileSync(path.join(reportDir, written), "utf8")) as { javascriptHeap?: { usedMemory?: number } };
        return (report.javascriptHeap?.usedMemory ?? NaN) / 1024 / 1024;
      } catch {
        // still being written
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return NaN;
}

async function measure(base: string, target: Target, stats: pg.Client, database: string, overhead: number): Promise<Row> {
  info(`measuring ${target.name} (${target.path}) for ${SECONDS} s at ${CONNECTIONS} connections…`);
  const loadBefore = os.loadavg()[0]!;
  const before = await committedTransactions(stats, database);
  const result = await autocannon({ url: base + target.path, connections: CONNECTIONS, duration: SECONDS });
  const loadAfter = os.loadavg()[0]!;
  const queries = Math.max(0, (await committedTransactions(stats, database)) - before - overhead);
  return {
    ...target,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx + result.errors,
    queriesPerView: queries / Math.max(1, result.requests.total),
    load: `${loadBefore.toFixed(1)}→${loadAfter.toFixed(1)}`,
  };
}

function printTable(rows: Row[]): void {
  const copy = rows[0]!;
  console.log(`\nRoundup bench: ${CONNECTIONS} connections, ${SECONDS} s per target, production server on the embedded database`);
  console.log(`load average (1, 5, 15 min) at the end: ${loadAverage()}; ${os.cpus().length} CPUs\n`);
  console.log("| target | req/s | p50 ms | p99 ms | × static copy req/s | × static copy p99 | DB queries per view | errors/non-2xx | load (1 min) |");
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|---|");
  for (const row of rows) {
    const queries = row.cached ? row.queriesPerView.toFixed(3) : "–";
    console.log(
      `| ${row.name} | ${row.rps.toFixed(0)} | ${row.p50} | ${row.p99} | ${(row.rps / copy.rps).toFixed(2)} | ${(row.p99 / Math.max(1, copy.p99)).toFixed(2)} | ${queries} | ${row.non2xx} | ${row.load} |`,
    );
  }
  console.log("\nGoals: cached pages ≥ 0.80 × the static copy's req/s, p99 ≤ 2 × its p99, 0 database queries per cached view.");
}

/** Mixed reader load in rounds; RSS and heap after each, to show whether memory settles or grows. */
async function soak(base: string, seconds: number, pid: number, reportDir: string): Promise<void> {
  const paths = [...(await sitemapPaths(base)), "/feed.xml", ...["粮食", "吉林", "冰雪", "经济", "长春", "旅游"].map((q) => `/search?q=${encodeURIComponent(q)}`)];
  const codings = ["br, gzip", "gzip", ""];
  const requests = paths.map((p, i) => {
    const coding = codings[i % codings.length]!;
    const headers: Record<string, string> = coding ? { "accept-encoding": coding } : {};
    return { method: "GET" as const, path: p, headers };
  });
  console.log(`\nSoak: ${seconds} s of mixed reader load over ${paths.length} addresses, ${CONNECTIONS} connections`);
  console.log(`server at start: RSS ${residentMiB(pid).toFixed(0)} MiB, heap ${(await heapMiB(pid, reportDir)).toFixed(0)} MiB (load ${loadAverage()})\n`);
  console.log("| round | seconds | req/s | non-2xx | RSS MiB after | heap MiB after | load (1, 5, 15 min) |");
  console.log("|---:|---:|---:|---:|---:|---:|---|");
  let round = 0;
  for (let left = seconds; left > 0; left -= SOAK_ROUND_SECONDS) {
    round += 1;
    const duration = Math.min(SOAK_ROUND_SECONDS, left);
    const result = await autocannon({ url: base, connections: CONNECTIONS, duration, requests });
    const rss = residentMiB(pid);
    const heap = await heapMiB(pid, reportDir);
    console.log(`| ${round} | ${duration} | ${result.requests.average.toFixed(0)} | ${result.non2xx + result.errors} | ${rss.toFixed(0)} | ${heap.toFixed(0)} | ${loadAverage()} |`);
  }
  console.log("\nGoal: RSS ≤ 300 MiB after 5 minutes, not growing from round to round.");
}

async function main(): Promise<void> {
  const soakArgument = argument("--soak");
  const soakSeconds = soakArgument === undefined ? 0 : Number(soakArgument || 300);
  const profile = argument("--profile") !== undefined;
  const db = await startBenchDatabase();
  const stats = new pg.Client({ connectionString: db.url });
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "roundup-bench-"));
  let server: ChildProcess | undefined;
  try {
    const port = Number(process.env.BENCH_PORT ?? (await findFreePort(3202)));
    const base = `http://127.0.0.1:${port}`;
    const env = { ...process.env, DATABASE_URL: db.url, AUTH_SECRET: db.authSecret, SITE_URL: base, NEXTAUTH_URL: base, NEXT_TELEMETRY_DISABLED: "1" };
    buildIfNeeded(env);
    // A diagnostic report on SIGUSR2 gives the heap figures (soak); --cpu-prof writes a profile on exit.
    const nodeArgs = [`--report-on-signal`, `--report-signal=SIGUSR2`, `--report-directory=${scratch}`, ...(profile ? [`--cpu-prof`, `--cpu-prof-dir=${scratch}`] : [])];
    const start = async () => {
      const child = spawnStandalone(port, env, { nodeArgs });
      server = child;
      await waitForServer(`${base}/api/health`, child);
      return child;
    };
    // Next lists public/ when it starts: serve once to copy the home page, then start again with it.
    const first = await start();
    fs.writeFileSync(STATIC_COPY, await (await fetch(`${base}/`)).text());
    await stopServer(first);
    const running = await start();
    await stats.connect();
    const database = new URL(db.url).pathname.slice(1);

    const list = await targets(base);
    // Fill the caches once, as the first readers would (the front door keeps a page from its second view).
    for (const target of list) for (let i = 0; i < 3; i++) await (await fetch(base + target.path)).arrayBuffer();
    await new Promise((resolve) => setTimeout(resolve, 500));
    // What reading the counter itself costs, to subtract from each measurement.
    const idleStart = await committedTransactions(stats, database);
    const overhead = (await committedTransactions(stats, database)) - idleStart;

    const rows: Row[] = [];
    for (const target of list) rows.push(await measure(base, target, stats, database, overhead));
    printTable(rows);

    if (soakSeconds > 0) await soak(base, soakSeconds, running.pid!, scratch);
    if (profile) {
      await stopServer(running);
      const written = fs.readdirSync(scratch).filter((name) => name.endsWith(".cpuprofile"));
      const kept = path.resolve(".data", "bench-profiles");
      fs.mkdirSync(kept, { recursive: true });
      for (const name of written) fs.copyFileSync(path.join(scratch, name), path.join(kept, name));
      console.log(`\nCPU profiles (open in Chrome DevTools): ${written.map((name) => path.join(kept, name)).join(", ") || "none written"}`);
    }
  } finally {
    await stats.end().catch(() => undefined);
    if (server) await stopServer(server);
    fs.rmSync(STATIC_COPY, { force: true });
    fs.rmSync(scratch, { recursive: true, force: true });
    await db.stop();
  }
}

main().then(() => process.exit(0), exitOnStartupError);
