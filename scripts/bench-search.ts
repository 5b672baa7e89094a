// npm run bench:search: Chinese search on 100 000 generated published stories in a throwaway
// embedded PostgreSQL. Prints the EXPLAIN ANALYZE plan (showing the bigram index at work) and the
// p50/p95 time of the exact query the search page runs. Figures only; it fails nothing.
import { performance } from "node:perf_hooks";
import { DEMO_ROUNDUP } from "../prisma/demo-content";
import { createPrismaClient } from "../lib/db-client";
import { searchSql } from "../lib/data/search-sql";
import { startBenchDatabase, percentile } from "./lib/bench-db";
import { exitOnStartupError, info } from "./lib/log";

const STORIES = Number(process.env.BENCH_STORIES ?? 100_000);
const RUNS_PER_WORD = 20;
const WORDS = ["粮食", "冰雪", "卫星", "吉林", "黑土地", "高质量发展", "一汽红旗", "招商引资", "电影节", "振兴 产业"];

// Filler text: common characters in random order, so the demo words are about as rare in the
// generated corpus as in a real one (a body is one demo sentence among four filler sentences).
const FILLER_CHARACTERS =
  "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理";

// Sentences of the demo bodies, recombined at random into the generated stories.
function demoSentences(): string[] {
  return DEMO_ROUNDUP.stories.flatMap((story) => story.body.split(/(?<=[。；！？])/)).map((s) => s.trim()).filter((s) => s.length > 4);
}

async function main(): Promise<void> {
  const database = await startBenchDatabase();
  const db = createPrismaClient(database.url, { max: 2 });
  try {
    const sentences = demoSentences();
    info(`generating ${STORIES} published stories from ${sentences.length} demo sentences…`);
    const started = performance.now();
    // A GIN index builds far faster in one go than row by row: drop it for the load, then rebuild it.
    await db.$executeRawUnsafe(`drop index "Story_searchVector_idx"`);
    // Each row: a headline cut from one demo sentence, a body of one demo sentence and four
    // filler sentences of 40 random common characters.
    await db.$executeRawUnsafe(
      `insert into "Story" (id, slug, title, dek, body, status, "publishedAt", "authorId", "sectionId", "updatedAt")
       select 'gen-' || g, 'gen-' || g,
              left(($1::text[])[1 + (g * 7919) % cardinality($1::text[])], 30),
              '',
              ($1::text[])[1 + floor(random() * cardinality($1::text[]))::int] ||
                (select string_agg(substr($3, 1 + floor(random() * char_length($3))::int, 1) || case when i % 40 = 0 then '。' else '' end, '')
                 from generate_series(1, 160) as i where g > 0),
              'PUBLISHED', now() - g * interval '1 minute',
              (select id from "User" order by email limit 1),
              (select id from "Section" order by position offset (g % 8) limit 1),
              now()
       from generate_series(1, $2::int) as g`,
      sentences,
      STORIES,
      FILLER_CHARACTERS,
    );
    await db.$executeRawUnsafe(`create index "Story_searchVector_idx" on "Story" using gin ("searchVector")`);
    await db.$executeRawUnsafe(`analyze "Story"`);
    info(`generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const probe = searchSql(["粮食"], 0, 10);
    const plan = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`explain (analyze, buffers) ${probe.text}`, ...probe.values);
    const planText = plan.map((row) => row["QUERY PLAN"]).join("\n");
    console.log(`\nEXPLAIN ANALYZE for 粮食 on ${STORIES} stories:\n${planText}\n`);
    console.log(`bigram index used: ${planText.includes("Story_searchVector_idx") ? "yes (Story_searchVector_idx)" : "NO"}`);

    const timings: number[] = [];
    const totals: string[] = [];
    for (const word of WORDS) {
      const terms = word.split(" ");
      let total = 0;
      for (let run = 0; run < RUNS_PER_WORD; run++) {
        const t0 = performance.now();
        const rows = await db.$queryRaw<{ total: bigint }[]>(searchSql(terms, 0, 10));
        timings.push(performance.now() - t0);
        total = Number(rows[0]?.total ?? 0);
      }
      totals.push(`${word}: ${total}`);
    }
    timings.sort((a, b) => a - b);
    console.log(`matches per query: ${totals.join(" · ")}`);
    console.log(
      `search time over ${timings.length} queries (${WORDS.length} words × ${RUNS_PER_WORD}): p50 ${percentile(timings, 50).toFixed(1)} ms · p95 ${percentile(timings, 95).toFixed(1)} ms · max ${timings.at(-1)?.toFixed(1)} ms`,
    );
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

main().then(() => process.exit(0), exitOnStartupError);
