// npm run bench:outage: readers on cached pages while the embedded PostgreSQL is stopped for 15 s and
// started again. Prints requests and 5xx per phase (target: 0 for cached pages), what a page that
// was never cached answers meanwhile (target: 503 with Retry-After, never 500), and how long after
// the restart a change shows up. Prints figures beside the load average; passes or fails nothing.
import type { ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import os from "node:os";
import pg from "pg";
import { startBenchDatabase } from "./lib/bench-db";
import { buildIfNeeded } from "./lib/build";
import { exitOnStartupError, info } from "./lib/log";
import { findFreePort } from "./lib/ports";
import { spawnStandalone, stopServer, waitForServer } from "./lib/standalone";

const READERS = Number(process.env.BENCH_READERS ?? 20);
const BEFORE_MS = 5_000;
const OUTAGE_MS = Number(process.env.BENCH_OUTAGE_SECONDS ?? 15) * 1000;
const AFTER_MS = 15_000;

type Phase = "before" | "outage" | "after";
type Tally = { requests: number; ok: number; stale: number; serverErrors: number; other: number; failed: number; load: number[] };

const load = () => os.loadavg().map((n) => n.toFixed(2)).join(" ");
const tally = (): Tally => ({ requests: 0, ok: 0, stale: 0, serverErrors: 0, other: 0, failed: 0, load: [] });

async function pagesToRead(client: pg.Client): Promise<string[]> {
  const stories = await client.query<{ slug: string }>(`select slug from "Story" where status = 'PUBLISHED' order by "publishedAt" desc limit 8`);
  const roundups = await client.query<{ slug: string }>(`select slug from "Roundup" where status = 'PUBLISHED' limit 2`);
  const sections = await client.query<{ slug: string }>(`select slug from "Section" limit 3`);
  return [
    "/",
    "/roundups",
    ...stories.rows.map((r) => `/stories/${r.slug}`),
    ...roundups.rows.map((r) => `/roundups/${r.slug}`),
    ...sections.rows.map((r) => `/sections/${r.slug}`),
  ];
}

/** A published story of the bench's own, whose title changes right after the database is back. */
async function insertProbeStory(client: pg.Client): Promise<{ id: string; slug: string; title: string }> {
  const id = `bench-${crypto.randomBytes(6).toString("hex")}`;
  const probe = { id, slug: id, title: `停电演练报道 ${id}` };
  await client.query(
    `insert into "Story" (id, slug, title, dek, body, status, "publishedAt", "authorId", "updatedAt")
     values ($1, $2, $3, '', '演练正文。', 'PUBLISHED', now() - interval '1 minute', (select id from "User" order by "createdAt" limit 1), now())`,
    [probe.id, probe.slug, probe.title],
  );
  return probe;
}

async function main(): Promise<void> {
  const db = await startBenchDatabase();
  if (!db.server) throw new Error("the outage bench needs the embedded database");
  const client = () => new pg.Client({ connectionString: db.url });
  let server: ChildProcess | undefined;
  let running = true;
  try {
    const port = Number(process.env.BENCH_PORT ?? (await findFreePort(3230)));
    const base = `http://127.0.0.1:${port}`;
    const env = { ...process.env, DATABASE_URL: db.url, AUTH_SECRET: db.authSecret, SITE_URL: base, NEXTAUTH_URL: base, NEXT_TELEMETRY_DISABLED: "1" };
    buildIfNeeded(env);
    server = spawnStandalone(port, env);
    await waitForServer(`${base}/api/health`, server);

    const setup = client();
    await setup.connect();
    const pages = await pagesToRead(setup);
    const probe = await insertProbeStory(setup);
    await setup.end();
    pages.push(`/stories/${probe.slug}`);
    // Fill the cache as the first readers would.
    for (const page of pages) for (let i = 0; i < 2; i++) await (await fetch(base + page)).text();
    info(`${pages.length} cached pages, ${READERS} readers; load average ${load()}`);

    const tallies: Record<Phase, Tally> = { before: tally(), outage: tally(), after: tally() };
    let phase: Phase = "before";
    const reader = async (n: number) => {
      for (let i = n; running; i++) {
        const current = tallies[phase];
        current.requests++;
        try {
          const response = await fetch(base + pages[i % pages.length]!);
          await response.arrayBuffer();
          if (response.status >= 500) current.serverErrors++;
          else if (response.ok) current.ok++;
          else current.other++;
          if (response.headers.get("x-nextjs-cache") === "STALE") current.stale++;
        } catch {
          current.failed++;
        }
      }
    };
    const sampler = setInterval(() => tallies[phase].load.push(os.loadavg()[0]!), 1000);
    const readers = Array.from({ length: READERS }, (_, n) => reader(n));

    await new Promise((resolve) => setTimeout(resolve, BEFORE_MS));
    info(`stopping PostgreSQL for ${OUTAGE_MS / 1000} s (load average ${load()})`);
    await db.server.halt();
    const stoppedAt = Date.now();
    phase = "outage";
    // A page nobody read before: it can't be rendered without the database.
    const uncached: Record<string, number> = {};
    let retryAfter = "";
    while (Date.now() - stoppedAt < OUTAGE_MS) {
      try {
        const response = await fetch(`${base}/stories/never-cached-${crypto.randomBytes(4).toString("hex")}`);
        await response.arrayBuffer();
        uncached[response.status] = (uncached[response.status] ?? 0) + 1;
        retryAfter ||= response.headers.get("retry-after") ?? "";
      } catch {
        uncached["no answer"] = (uncached["no answer"] ?? 0) + 1;
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }

    await db.server.resume();
    const resumedAt = Date.now();
    phase = "after";
    info(`PostgreSQL started again (load average ${load()})`);
    // An editor's change right after the restart, announced in its own transaction as the data layer does.
    const newTitle = `${probe.title}（已更新）`;
    const editor = client();
    await editor.connect();
    await editor.query("begin");
    await editor.query(`update "Story" set title = $1, "updatedAt" = now() where id = $2`, [newTitle, probe.id]);
    await editor.query("select pg_notify('roundup_cache', $1)", [JSON.stringify({ tags: [`story:${probe.slug}`, "home", "feed", "sitemap", "search"] })]);
    await editor.query("commit");
    await editor.end();
    const changedAt = Date.now();

    let healthyAt = 0;
    let freshAt = 0;
    while ((!healthyAt || !freshAt) && Date.now() - resumedAt < AFTER_MS * 4) {
      if (!healthyAt && (await fetch(`${base}/api/health`)).ok) healthyAt = Date.now();
      if (!freshAt && (await (await fetch(`${base}/stories/${probe.slug}`)).text()).includes(newTitle)) freshAt = Date.now();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, AFTER_MS - (Date.now() - resumedAt))));
    running = false;
    clearInterval(sampler);
    await Promise.all(readers);

    const mean = (values: number[]) => (values.length ? (values.reduce((a, b) => a + b, 0) / values.length).toFixed(2) : "–");
    console.log(`\nRoundup outage bench: ${READERS} readers on ${pages.length} cached pages, PostgreSQL stopped for ${OUTAGE_MS / 1000} s (${os.cpus().length} CPUs)\n`);
    console.log("| phase | requests | 2xx | of which stale | 5xx | other | failed | load avg (1 min, mean) |");
    console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
    for (const name of ["before", "outage", "after"] as const) {
      const t = tallies[name];
      console.log(`| ${name} | ${t.requests} | ${t.ok} | ${t.stale} | ${t.serverErrors} | ${t.other} | ${t.failed} | ${mean(t.load)} |`);
    }
    console.log(`\nA never-cached page during the outage answered: ${Object.entries(uncached).map(([status, n]) => `${status} × ${n}`).join(", ")} (Retry-After: ${retryAfter || "none"})`);
    console.log(`After the restart: /api/health 200 after ${healthyAt ? `${((healthyAt - resumedAt) / 1000).toFixed(2)} s` : "never"}; a change committed ${((changedAt - resumedAt) / 1000).toFixed(2)} s after the restart was on its page ${freshAt ? `${((freshAt - changedAt) / 1000).toFixed(2)} s later` : "never"}.`);
    console.log(`Load average at the end: ${load()}.`);
  } finally {
    running = false;
    if (server) await stopServer(server);
    await db.stop();
  }
}

main().then(() => process.exit(0), exitOnStartupError);
