// npm run bench:search: Chinese search on 100 000 generated published stories in a throwaway
// embedded PostgreSQL. Runs the exact statement the search page runs (lib/data/search-sql.ts) for
// several classes of query and prints p50/p95/max per class with the load average beside it, plus
// one plan. Figures only; it fails nothing. BENCH_STORIES changes the corpus size.
import os from "node:os";
import { performance } from "node:perf_hooks";
import { createPrismaClient } from "../lib/db-client";
import { PAGE_SIZE } from "../lib/data/public-shared";
import { searchSql, type SearchRow } from "../lib/data/search-sql";
import { isTitleOnlySearch } from "../lib/validation/search";
import { startBenchDatabase, percentile } from "./lib/bench-db";
import { exitOnStartupError, info } from "./lib/log";
import { generateSearchCorpus } from "./lib/search-corpus";

const STORIES = Number(process.env.BENCH_STORIES ?? 100_000);
const RUNS_PER_QUERY = 20;

type Probe = { q: string; page?: number };
// 吉林, 粮食, 冰雪, 卫星 and 发展 each match thousands of stories (吉林: about 61 000), in titles and
// bodies; 的一 only ever falls in the random filler of bodies (a few hundred); 鼋鼍 and 火星移民 match nothing.
const CLASSES: { name: string; probes: Probe[] }[] = [
  { name: "common word (thousands of hits)", probes: ["吉林", "粮食", "冰雪", "卫星", "发展"].map((q) => ({ q })) },
  { name: "long word / two words", probes: ["高质量发展", "一汽红旗", "招商引资", "电影节", "黑土地", "振兴 产业"].map((q) => ({ q })) },
  { name: "body-only or no hit", probes: ["的一", "鼋鼍", "火星移民", "GDP"].map((q) => ({ q })) },
  { name: "single character (titles)", probes: ["冰", "的", "吉", "鼋"].map((q) => ({ q })) },
  { name: "deep pages (50, 100)", probes: [{ q: "吉林", page: 50 }, { q: "吉林", page: 100 }, { q: "粮食", page: 100 }, { q: "发展", page: 100 }] },
];

const load = () => os.loadavg().map((n) => n.toFixed(2)).join(" ");

async function main(): Promise<void> {
  const database = await startBenchDatabase();
  const db = createPrismaClient(database.url, { max: 2 });
  try {
    info(`generating ${STORIES} published stories…`);
    const started = performance.now();
    await generateSearchCorpus(db, STORIES);
    info(`generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const statement = (probe: Probe) => {
      const terms = probe.q.split(" ");
      return searchSql(terms, { skip: ((probe.page ?? 1) - 1) * PAGE_SIZE, take: PAGE_SIZE, titleOnly: isTitleOnlySearch(terms) });
    };
    const plan = statement({ q: "吉林" });
    const planRows = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`explain (analyze, costs off) ${plan.text}`, ...plan.values);
    console.log(`\nEXPLAIN ANALYZE for 吉林 on ${STORIES} stories:\n${planRows.map((row) => row["QUERY PLAN"]).join("\n")}\n`);

    // One warm-up round, so every class meets the same cache state.
    for (const probe of CLASSES.flatMap((c) => c.probes)) await db.$queryRaw(statement(probe));

    const table: string[] = [];
    const all: number[] = [];
    for (const { name, probes } of CLASSES) {
      const timings: number[] = [];
      const counts: string[] = [];
      const loadBefore = load();
      for (const probe of probes) {
        let row: SearchRow | undefined;
        for (let run = 0; run < RUNS_PER_QUERY; run++) {
          const t0 = performance.now();
          row = (await db.$queryRaw<SearchRow[]>(statement(probe)))[0];
          timings.push(performance.now() - t0);
        }
        const counted = (row?.titleCount ?? 0) + (row?.bodyCount ?? 0);
        counts.push(`${probe.q}${probe.page ? `/p${probe.page}` : ""}: ${counted > 1000 ? "1000+" : counted}`);
      }
      timings.sort((a, b) => a - b);
      all.push(...timings);
      table.push(
        `| ${name} | ${timings.length} | ${percentile(timings, 50).toFixed(1)} | ${percentile(timings, 95).toFixed(1)} | ${timings.at(-1)?.toFixed(1)} | ${loadBefore} → ${load()} |`,
      );
      console.log(`${name}: ${counts.join(" · ")}`);
    }
    all.sort((a, b) => a - b);
    console.log(`\nsearch on ${STORIES} stories, ${RUNS_PER_QUERY} runs per query, ms (load average 1/5/15 min, before → after):`);
    console.log("| query class | queries | p50 | p95 | max | load average |");
    console.log("|---|---:|---:|---:|---:|---|");
    for (const line of table) console.log(line);
    console.log(`| all | ${all.length} | ${percentile(all, 50).toFixed(1)} | ${percentile(all, 95).toFixed(1)} | ${all.at(-1)?.toFixed(1)} | ${load()} |`);
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

main().then(() => process.exit(0), exitOnStartupError);
