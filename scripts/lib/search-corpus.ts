import { DEMO_ROUNDUP } from "../../prisma/demo-content";
import type { Db } from "../../lib/db-client";

// Filler text: common characters in random order, so the demo words are about as rare in the
// generated corpus as in a real one (a body is one demo sentence among four filler sentences).
const FILLER_CHARACTERS =
  "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理";

// Sentences of the demo bodies, recombined at random into the generated stories.
function demoSentences(): string[] {
  return DEMO_ROUNDUP.stories.flatMap((story) => story.body.split(/(?<=[。；！？])/)).map((s) => s.trim()).filter((s) => s.length > 4);
}

/**
 * Adds `count` published stories, one a minute back from now: a headline cut from one demo sentence,
 * a body of one demo sentence and four filler sentences of 40 random common characters.
 */
export async function generateSearchCorpus(db: Db, count: number): Promise<void> {
  const sentences = demoSentences();
  // A GIN index builds far faster in one go than row by row: drop them for the load, then rebuild.
  const indexes = await db.$queryRawUnsafe<{ indexdef: string; indexname: string }[]>(
    `select indexname::text, indexdef from pg_indexes where tablename = 'Story' and indexdef ilike '%using gin%'`,
  );
  for (const index of indexes) await db.$executeRawUnsafe(`drop index "${index.indexname}"`);
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
    count,
    FILLER_CHARACTERS,
  );
  for (const index of indexes) await db.$executeRawUnsafe(index.indexdef);
  await db.$executeRawUnsafe(`analyze "Story"`);
}
