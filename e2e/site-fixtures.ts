import crypto from "node:crypto";
import pg from "pg";

// Rows the reader-site specs create for themselves straight in the e2e database (the same one the
// server reads), each uniquely named and removed afterwards.

export const GRAIN_STORY = "jilin-liangshi-chanliang-837-3-yi-jin";
export const DEMO_ROUNDUP = "2023-jilin-shi-da-xinwen";

export function uniqueWord(): string {
  // Two rare characters plus a random Latin tail: found by search only where a test put it.
  return `鹮鹳${crypto.randomBytes(4).toString("hex")}`;
}

export async function withDb<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: run the e2e tests through npm test or npm run test:e2e");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export type StoryRow = { slug: string; title: string; status: "DRAFT" | "IN_REVIEW" | "SCHEDULED" | "PUBLISHED" | "UNPUBLISHED"; publishedAt: Date | null };

/** Inserts a story in the 农业 section with the 粮食 tag, as the editor would save it. */
export async function insertStory(client: pg.Client, row: StoryRow & { body: string }): Promise<string> {
  const id = `e2e-${crypto.randomBytes(6).toString("hex")}`;
  await client.query(
    `insert into "Story" (id, slug, title, dek, body, status, "publishedAt", "authorId", "sectionId", "updatedAt")
     values ($1, $2, $3, '', $4, $5, $6, (select id from "User" where email = 'editor@roundup.local'), (select id from "Section" where slug = 'nongye'), now())`,
    [id, row.slug, row.title, row.body, row.status, row.publishedAt],
  );
  await client.query(`insert into "StoryTag" ("storyId", "tagId") select $1, id from "Tag" where slug = 'liang-shi'`, [id]);
  return id;
}

/** What the data layer does in a change's transaction (lib/data/cache-announce.ts): tells every app process which tags expired. */
export async function expireTags(client: pg.Client, tags: string[]): Promise<void> {
  await client.query("select pg_notify('roundup_cache', $1)", [JSON.stringify({ tags })]);
}

export async function deleteStories(client: pg.Client, ids: string[]): Promise<void> {
  await client.query(`delete from "Story" where id = any($1)`, [ids]);
}
