// npm run bench:vote: N concurrent readers voting for 60 s against the production (standalone)
// server on a throwaway embedded PostgreSQL. Each ballot is what a browser does: GET the voting page
// (signed voter cookie + form token), then POST the form. Some ballots are sent again with the same
// form (a retry after a lost answer), some twice at once (a double click); both must get the original
// acknowledgement. At the end the stored ballots are compared with the acknowledged ones: 0 lost,
// 0 double-counted. Prints ballots/s, p50/p99 beside the load average; passes or fails nothing.
// Settings: BENCH_READERS (default 16), BENCH_SECONDS (60), BENCH_PORT, BENCH_RETRY_RATE (0.1).
// `-- --profile`: the server runs with node --cpu-prof; the profile is kept in .data/bench-profiles.
import type { ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { committedTransactions, percentile, startBenchDatabase } from "./lib/bench-db";
import { processCpuMs } from "./lib/process-cpu";
import { buildIfNeeded } from "./lib/build";
import { exitOnStartupError, info } from "./lib/log";
import { findFreePort } from "./lib/ports";
import { spawnStandalone, stopServer, waitForServer } from "./lib/standalone";

const READERS = Number(process.env.BENCH_READERS ?? 16);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const RETRY_RATE = Number(process.env.BENCH_RETRY_RATE ?? 0.1);
const PROFILE = process.argv.includes("--profile");
const CANDIDATES = 10;
const MAX_CHOICES = 3;

const load = () => os.loadavg().map((n) => n.toFixed(2)).join(" ");

async function createSelection(client: pg.Client): Promise<{ id: string; slug: string; candidates: string[] }> {
  const id = `bench-${crypto.randomBytes(6).toString("hex")}`;
  await client.query(
    `insert into "Selection" (id, slug, title, year, "maxChoices", "opensAt", "closesAt", "resultsPublic", "createdById", "updatedAt")
     values ($1, $1, '压测评选', 2030, $2, now() - interval '1 minute', now() + interval '1 day', true, (select id from "User" order by "createdAt" limit 1), now())`,
    [id, MAX_CHOICES],
  );
  const candidates: string[] = [];
  for (let position = 1; position <= CANDIDATES; position++) {
    const candidate = `${id}-c${position}`;
    await client.query(`insert into "SelectionCandidate" (id, "selectionId", position, title, description) values ($1, $2, $3, $4, '压测候选。')`, [candidate, id, position, `候选 ${position}`]);
    candidates.push(candidate);
  }
  return { id, slug: id, candidates };
}

type Counters = { ballots: number; retries: number; retriesSame: number; doubles: number; doublesSame: number; refused: Record<string, number>; failed: number };

async function main(): Promise<void> {
  const db = await startBenchDatabase();
  let server: ChildProcess | undefined;
  try {
    const port = Number(process.env.BENCH_PORT ?? (await findFreePort(3681)));
    const base = `http://127.0.0.1:${port}`;
    // TRUST_PROXY: each simulated reader comes from its own address (X-Forwarded-For, as a proxy would write it).
    const env = { ...process.env, DATABASE_URL: db.url, AUTH_SECRET: db.authSecret, SITE_URL: base, NEXTAUTH_URL: base, TRUST_PROXY: "true", NEXT_TELEMETRY_DISABLED: "1" };
    buildIfNeeded(env);
    const profileDir = path.resolve(".data", "bench-profiles");
    if (PROFILE) fs.mkdirSync(profileDir, { recursive: true });
    server = spawnStandalone(port, env, { nodeArgs: PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [] });
    await waitForServer(`${base}/api/health`, server);

    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const selection = await createSelection(client);
    const page = `${base}/selections/${selection.slug}`;
    info(`${READERS} readers for ${SECONDS} s on ${page}; load average ${load()}`);

    const acknowledged = new Set<string>();
    const postMs: number[] = [];
    const getMs: number[] = [];
    const counters: Counters = { ballots: 0, retries: 0, retriesSame: 0, doubles: 0, doublesSame: 0, refused: {}, failed: 0 };
    const loads: number[] = [];
    const sampler = setInterval(() => loads.push(os.loadavg()[0]!), 1000);
    const deadline = Date.now() + SECONDS * 1000;

    const post = async (body: string, cookie: string, address: string): Promise<string | null> => {
      const started = performance.now();
      const response = await fetch(`${page}/vote`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base, Cookie: cookie, "X-Forwarded-For": address },
        body,
      });
      await response.arrayBuffer();
      postMs.push(performance.now() - started);
      const location = response.headers.get("location") ?? "";
      const receipt = /\/thanks\?r=([^&]+)/.exec(location)?.[1];
      if (response.status === 303 && receipt) return decodeURIComponent(receipt).split(".")[0] ?? null;
      const reason = /error=([a-zA-Z]+)/.exec(location)?.[1] ?? String(response.status);
      counters.refused[reason] = (counters.refused[reason] ?? 0) + 1;
      return null;
    };

    const reader = async () => {
      while (Date.now() < deadline) {
        try {
          const address = `10.${crypto.randomInt(0, 256)}.${crypto.randomInt(0, 256)}.${crypto.randomInt(1, 255)}`;
          const started = performance.now();
          const form = await fetch(page, { headers: { "X-Forwarded-For": address } });
          const html = await form.text();
          getMs.push(performance.now() - started);
          const cookie = (form.headers.getSetCookie().find((line) => line.startsWith("roundup_voter=")) ?? "").split(";")[0] ?? "";
          const token = /name="token" value="([^"]+)"/.exec(html)?.[1];
          if (!token || !cookie) {
            counters.failed++;
            continue;
          }
          const picks = [...selection.candidates].sort(() => Math.random() - 0.5).slice(0, crypto.randomInt(1, MAX_CHOICES + 1));
          const body = new URLSearchParams([["token", token], ...picks.map((id) => ["choice", id] as [string, string])]).toString();
          const roll = Math.random();
          if (roll < RETRY_RATE / 2) {
            // A double click: the same form twice at once.
            counters.doubles++;
            const [one, two] = await Promise.all([post(body, cookie, address), post(body, cookie, address)]);
            if (one && one === two) counters.doublesSame++;
            if (one) acknowledged.add(one);
            if (two) acknowledged.add(two);
          } else {
            const id = await post(body, cookie, address);
            if (id) acknowledged.add(id);
            if (id && roll < RETRY_RATE) {
              // A retry after a lost answer: the same form again, later.
              counters.retries++;
              if ((await post(body, cookie, address)) === id) counters.retriesSame++;
            }
          }
          counters.ballots++;
        } catch {
          counters.failed++;
        }
      }
    };
    // Round trips and CPU per ballot: figures that a loaded machine slows down but doesn't change much,
    // unlike ballots/s. Transactions committed (every statement outside a transaction is one; the
    // bench's own reading adds one) and the server process's CPU time from /proc.
    const database = new URL(db.url).pathname.slice(1);
    const commitsBefore = await committedTransactions(client, database);
    const cpuBefore = processCpuMs(server.pid);
    const startedAt = Date.now();
    await Promise.all(Array.from({ length: READERS }, () => reader()));
    const elapsed = (Date.now() - startedAt) / 1000;
    clearInterval(sampler);
    const serverCpuMs = processCpuMs(server.pid) - cpuBefore;
    const committed = (await committedTransactions(client, database)) - commitsBefore - 1;

    const stored = await client.query<{ id: string; choices: number }>(`select b.id, (select count(*)::int from "BallotChoice" c where c."ballotId" = b.id) as choices from "Ballot" b where b."selectionId" = $1`, [selection.id]);
    await client.end();
    const storedIds = new Set(stored.rows.map((row) => row.id));
    const lost = [...acknowledged].filter((id) => !storedIds.has(id)).length;
    const unacknowledged = stored.rows.filter((row) => !acknowledged.has(row.id)).length;
    const withoutChoices = stored.rows.filter((row) => row.choices === 0).length;
    const sortedPost = [...postMs].sort((a, b) => a - b);
    const sortedGet = [...getMs].sort((a, b) => a - b);
    const mean = loads.length ? (loads.reduce((a, b) => a + b, 0) / loads.length).toFixed(2) : "–";

    console.log(`\nRoundup vote bench: ${READERS} readers, ${elapsed.toFixed(1)} s, standalone server on a throwaway embedded PostgreSQL (${os.cpus().length} CPUs)\n`);
    console.log("| figure | value |");
    console.log("|---|---:|");
    console.log(`| acknowledged ballots | ${acknowledged.size} |`);
    console.log(`| ballots/s (GET form + POST, per reader cycle) | ${(acknowledged.size / elapsed).toFixed(1)} |`);
    console.log(`| POST /vote p50 / p99 (ms) | ${percentile(sortedPost, 50).toFixed(1)} / ${percentile(sortedPost, 99).toFixed(1)} |`);
    console.log(`| GET voting page p50 / p99 (ms) | ${percentile(sortedGet, 50).toFixed(1)} / ${percentile(sortedGet, 99).toFixed(1)} |`);
    console.log(`| database transactions per acknowledged ballot (all requests) | ${(committed / Math.max(1, acknowledged.size)).toFixed(1)} |`);
    console.log(`| server CPU ms per acknowledged ballot (all requests) | ${(serverCpuMs / Math.max(1, acknowledged.size)).toFixed(1)} |`);
    console.log(`| retries injected (same form later) / answered with the original ballot | ${counters.retries} / ${counters.retriesSame} |`);
    console.log(`| double clicks injected (same form twice at once) / both got one ballot | ${counters.doubles} / ${counters.doublesSame} |`);
    console.log(`| stored ballots | ${stored.rows.length} |`);
    console.log(`| lost (acknowledged, not stored) | ${lost} |`);
    console.log(`| double-counted or unacknowledged (stored, not acknowledged) | ${unacknowledged} |`);
    console.log(`| stored ballots without choices | ${withoutChoices} |`);
    console.log(`| refused (reason × n) | ${Object.entries(counters.refused).map(([reason, n]) => `${reason} × ${n}`).join(", ") || "none"} |`);
    console.log(`| failed requests | ${counters.failed} |`);
    console.log(`| load average (1 min, mean during run) | ${mean} |`);
    if (PROFILE) console.log(`\nCPU profile (written when the server stops; open in Chrome DevTools): ${profileDir}`);
    console.log(`\nLoad average at the end: ${load()}. Targets on a quiet machine: ≥ 300 ballots/s, p99 ≤ 200 ms, 0 lost, 0 double-counted.`);
  } finally {
    if (server) await stopServer(server);
    await db.stop();
  }
}

main().then(() => process.exit(0), exitOnStartupError);
