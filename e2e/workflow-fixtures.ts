import crypto from "node:crypto";
import type pg from "pg";
import { insertStory } from "./site-fixtures";

// Rows the workflow specs own: published stories ranked in a published roundup of an old year (so the
// demo roundup stays on the home page), inserted straight into the e2e database and removed afterwards.

export type RankedFixture = { roundupId: string; roundupSlug: string; roundupTitle: string; stories: { id: string; slug: string; title: string }[] };

type Options = { storyStatuses?: ("PUBLISHED" | "DRAFT")[]; roundupStatus?: "PUBLISHED" | "DRAFT"; year?: number };

export async function insertRankedRoundup(client: pg.Client, label: string, options: Options = {}): Promise<RankedFixture> {
  const { storyStatuses = ["PUBLISHED", "PUBLISHED", "PUBLISHED"], roundupStatus = "PUBLISHED", year = 1996 } = options;
  const tail = crypto.randomBytes(4).toString("hex");
  const past = new Date(Date.now() - 3_600_000);
  const stories = [];
  for (const [index, status] of storyStatuses.entries()) {
    const rank = index + 1;
    const title = `${label}条目${rank}-${tail}`;
    const slug = `e2e-${tail}-${rank}`;
    stories.push({ id: await insertStory(client, { slug, title, status, publishedAt: status === "PUBLISHED" ? past : null, body: "正文。" }), slug, title });
  }
  const roundupId = `e2e-r-${tail}`;
  const roundupTitle = `${label}榜单${tail}`;
  const roundupSlug = `e2e-roundup-${tail}`;
  await client.query(
    `insert into "Roundup" (id, slug, title, year, status, "publishedAt", "createdById", "updatedAt")
     values ($1, $2, $3, $4, $5, $6, (select id from "User" where email = 'editor@roundup.local'), now())`,
    [roundupId, roundupSlug, roundupTitle, year, roundupStatus, roundupStatus === "PUBLISHED" ? past : null],
  );
  for (const [index, story] of stories.entries()) {
    await client.query(`insert into "RoundupItem" (id, "roundupId", "storyId", rank) values ($1, $2, $3, $4)`, [`${roundupId}-${index}`, roundupId, story.id, index + 1]);
  }
  return { roundupId, roundupSlug, roundupTitle, stories };
}

export async function deleteRankedRoundup(client: pg.Client, fixture: RankedFixture): Promise<void> {
  await client.query(`delete from "Roundup" where id = $1`, [fixture.roundupId]);
  await client.query(`delete from "Story" where id = any($1)`, [fixture.stories.map((story) => story.id)]);
}
