// npm run bench: the production server on a throwaway embedded database, measured with autocannon
// (50 connections) on home, a roundup, a story, a search and a static file, with database queries
// counted per cached page view. Prints figures; it passes or fails nothing.
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import autocannon from "autocannon";
import pg from "pg";
import { startBenchDatabase, committedTransactions } from "./lib/bench-db";
import { buildIfNeeded } from "./lib/build";
import { exitOnStartupError, info } from "./lib/log";
import { findFreePort } from "./lib/ports";
import { spawnStandalone, stopServer, waitForServer } from "./lib/standalone";

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

// A byte-for-byte copy of the home page as a file in public/, written for the run and removed after:
// the fair static baseline for a cached page (the tiny text file shows the floor as well). The
// standalone server serves public/ from its own folder.
const STATIC_COPY = ".next/standalone/public/bench-home-copy.html";

const TARGETS = [
  { name: "static copy of home (/bench-home-copy.html)", path: "/bench-home-copy.html" },
  { name: "static file (/humans.txt, tiny)", path: "/humans.txt" },
  { name: "home", path: "/" },
  { name: "roundup page", path: "/roundups/2023-jilin-shi-da-xinwen" },
  { name: "story page", path: "/stories/jilin-liangshi-chanliang-837-3-yi-jin" },
  { name: "search (粮食)", path: `/search?q=${encodeURIComponent("粮食")}` },
];

type Row = { name: string; rps: number; p50: number; p99: number; non2xx: number; queriesPerView: number };

async function main(): Promise<void> {
  const db = await startBenchDatabase();
  const stats = new pg.Client({ connectionString: db.url });
  let server: ChildProcess | undefined;
  try {
    const port = Number(process.env.BENCH_PORT ?? (await findFreePort(3202)));
    const base = `http://127.0.0.1:${port}`;
    const env = { ...process.env, DATABASE_URL: db.url, AUTH_SECRET: db.authSecret, SITE_URL: base, NEXTAUTH_URL: base, NEXT_TELEMETRY_DISABLED: "1" };
    buildIfNeeded(env);
    const start = async () => {
      const child = spawnStandalone(port, env);
      server = child;
      await waitForServer(`${base}/api/health`, child);
      return child;
    };
    // Next lists public/ when it starts: serve once to copy the home page, then start again with it.
    const first = await start();
    fs.writeFileSync(STATIC_COPY, await (await fetch(`${base}/`)).text());
    await stopServer(first);
    await start();
    await stats.connect();
    const database = new URL(db.url).pathname.slice(1);

    // Fill the caches once, as the first readers would.
    for (const target of TARGETS) for (let i = 0; i < 3; i++) await (await fetch(base + target.path)).text();
    // What reading the counter itself costs, to subtract from each measurement.
    const idleStart = await committedTransactions(stats, database);
    const overhead = (await committedTransactions(stats, database)) - idleStart;

    const rows: Row[] = [];
    for (const target of TARGETS) {
      info(`measuring ${target.name} for ${SECONDS} s at ${CONNECTIONS} connections…`);
      const before = await committedTransactions(stats, database);
      const result = await autocannon({ url: base + target.path, connections: CONNECTIONS, duration: SECONDS });
      const queries = Math.max(0, (await committedTransactions(stats, database)) - before - overhead);
      rows.push({
        name: target.name,
        rps: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        non2xx: result.non2xx + result.errors,
        queriesPerView: queries / Math.max(1, result.requests.total),
      });
    }

    const staticRps = rows[0]?.rps ?? 1;
    const tinyRps = rows[1]?.rps ?? 1;
    console.log(`\nRoundup bench: ${CONNECTIONS} connections, ${SECONDS} s per target, production server on the embedded database\n`);
    console.log("| target | requests/s | p50 ms | p99 ms | × static copy | × tiny file | DB queries per view | errors/non-2xx |");
    console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
    for (const row of rows) {
      console.log(
        `| ${row.name} | ${row.rps.toFixed(0)} | ${row.p50} | ${row.p99} | ${(row.rps / staticRps).toFixed(2)} | ${(row.rps / tinyRps).toFixed(2)} | ${row.queriesPerView.toFixed(3)} | ${row.non2xx} |`,
      );
    }
    console.log("\nTargets: cached pages ≥ 0.5 × the static file's requests/s, and 0 database queries per cached view.");
  } finally {
    await stats.end().catch(() => undefined);
    if (server) await stopServer(server);
    fs.rmSync(STATIC_COPY, { force: true });
    await db.stop();
  }
}

main().then(() => process.exit(0), exitOnStartupError);
