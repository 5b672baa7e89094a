// Speed of the staff story list with 100 000 stories: first page, a page deep in the list (keyset
// cursor), a status filter and a title search, on a throwaway embedded PostgreSQL. Prints figures;
// it asserts nothing. Usage: npm run bench:stories [-- <stories>]
import { performance } from "node:perf_hooks";
import pg from "pg";
import { exitOnStartupError, info } from "./lib/log";
import { startTestDatabases } from "./lib/test-db";
import { encodeCursor } from "@/lib/editor/cursor";

const TOTAL = Number(process.argv[2] ?? 100_000);
const RUNS = 20;

async function main(): Promise<void> {
  const dbs = await startTestDatabases();
  try {
    process.env.DATABASE_URL = dbs.integrationUrl;
    process.env.AUTH_SECRET = dbs.authSecret;
    const client = new pg.Client({ connectionString: dbs.integrationUrl });
    await client.connect();
    const author = await client.query<{ id: string }>(
      `insert into "User" (id, email, name, role, "passwordHash", "updatedAt") values ('bench-author', 'bench@roundup.local', '压测记者', 'EDITOR', 'x', now()) returning id`,
    );
    const started = performance.now();
    // Spread updatedAt over a year and cycle statuses, like a newsroom's archive.
    await client.query(
      `insert into "Story" (id, slug, title, body, status, "authorId", "updatedAt", "createdAt")
       select 'bench-' || n, 'bench-' || n, '压测报道第' || n || '篇 ' || (array['粮食','冰雪','卫星','汽车','开放'])[1 + n % 5],
              '正文', (array['DRAFT','IN_REVIEW','PUBLISHED','PUBLISHED','UNPUBLISHED']::"StoryStatus"[])[1 + n % 5],
              $1, now() - (n || ' minutes')::interval, now() - (n || ' minutes')::interval
       from generate_series(1, $2::int) as n`,
      [author.rows[0]?.id, TOTAL],
    );
    await client.query(`analyze "Story"`);
    info(`inserted ${TOTAL} stories in ${Math.round(performance.now() - started)} ms`);

    const { listStories } = await import("@/lib/data/story-lists");
    const actor = { id: "bench-author", name: "压测记者", email: "bench@roundup.local", role: "EDITOR" as const, mustChangePassword: false };

    async function measure(label: string, run: () => Promise<unknown>): Promise<void> {
      await run();
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now();
        await run();
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      const median = times[Math.floor(times.length / 2)] ?? 0;
      const p95 = times[Math.floor(times.length * 0.95)] ?? 0;
      console.log(`${label.padEnd(44)} median ${median.toFixed(1).padStart(6)} ms   p95 ${p95.toFixed(1).padStart(6)} ms`);
    }

    // A cursor half-way through the list: what page 1 667 of 30 rows would ask for.
    let deep: string | undefined;
    const middle = await client.query<{ id: string; updatedAt: Date }>(`select id, "updatedAt" from "Story" order by "updatedAt" desc, id desc offset $1 limit 1`, [Math.floor(TOTAL / 2)]);
    const row = middle.rows[0];
    if (row) deep = encodeCursor(row);

    console.log(`\nstory list, ${TOTAL} stories, 30 rows a page, ${RUNS} runs each`);
    await measure("first page", () => listStories(actor, {}));
    await measure("page in the middle (keyset cursor)", () => listStories(actor, { after: deep }));
    await measure("status = PUBLISHED, first page", () => listStories(actor, { status: "PUBLISHED" }));
    await measure("status = PUBLISHED, middle page", () => listStories(actor, { status: "PUBLISHED", after: deep }));
    await measure("title search 卫星 (2 characters)", () => listStories(actor, { q: "卫星" }));
    await measure("title search 第99999篇 (rare)", () => listStories(actor, { q: "第99999篇" }));
    const plan = await client.query(
      `explain select id from "Story" where "updatedAt" <= $1 and ("updatedAt" < $1 or id < $2) order by "updatedAt" desc, id desc limit 31`,
      [row?.updatedAt ?? new Date(), row?.id ?? ""],
    );
    console.log(`\nplan of the middle page:\n${plan.rows.map((r) => `  ${String(r["QUERY PLAN"])}`).join("\n")}`);
    await client.end();
  } finally {
    await dbs.stop();
  }
}

main().then(() => process.exit(0), exitOnStartupError);
