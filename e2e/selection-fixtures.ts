import crypto from "node:crypto";
import type pg from "pg";
import { expireTags } from "./site-fixtures";

// Rows the selection (年度评选) specs own. A spec either inserts its selection here or creates it
// through the editor with a unique title; either way it removes, afterwards, the selection with its
// candidates, ballots, jurors and scores, the roundup generated from it and the stories the short
// candidates became, and tells the app which cached pages showed them.

export type OwnedSelection = { id: string; slug: string; title: string; candidates: { id: string; title: string }[] };

/**
 * A selection of a long-gone year whose voting opens in a day (so no reader can vote on it), with
 * short candidates, inserted straight into the e2e database.
 */
export async function insertSelection(client: pg.Client, label: string, candidateTitles: string[]): Promise<OwnedSelection> {
  const tail = crypto.randomBytes(4).toString("hex");
  const id = `e2e-sel-${tail}`;
  const title = `${label}${tail}`;
  await client.query(
    `insert into "Selection" (id, slug, title, year, "maxChoices", "opensAt", "closesAt", "createdById", "updatedAt")
     values ($1, $1, $2, 1993, 2, now() + interval '1 day', now() + interval '2 days', (select id from "User" where email = 'editor@roundup.local'), now())`,
    [id, title],
  );
  const candidates = candidateTitles.map((name, index) => ({ id: `${id}-${index + 1}`, title: `${name}${tail}` }));
  for (const [index, candidate] of candidates.entries()) {
    await client.query(`insert into "SelectionCandidate" (id, "selectionId", position, title, description) values ($1, $2, $3, $4, $5)`, [candidate.id, id, index + 1, candidate.title, `${candidate.title}的说明。`]);
  }
  return { id, slug: id, title, candidates };
}

/** An outside juror with an unused invite link (stored as its sha256, like the editor's invites); returns the link's path. */
export async function insertJurorInvite(client: pg.Client, selection: OwnedSelection, name: string): Promise<string> {
  const token = crypto.randomBytes(32).toString("base64url");
  await client.query(`insert into "Juror" (id, "selectionId", name, "inviteTokenHash", "inviteExpiresAt") values ($1, $2, $3, $4, now() + interval '7 days')`, [
    `${selection.id}-juror-${crypto.randomBytes(3).toString("hex")}`,
    selection.id,
    name,
    crypto.createHash("sha256").update(token).digest("hex"),
  ]);
  return `/selections/${selection.slug}/jury/join/${token}`;
}

/** Removes the selections with these titles (short candidates only) and everything made from them. */
export async function removeSelections(client: pg.Client, titles: string[]): Promise<void> {
  const { rows: selections } = await client.query<{ id: string; slug: string; roundupId: string | null }>(`select id, slug, "roundupId" from "Selection" where title = any($1)`, [titles]);
  if (selections.length === 0) return;
  const ids = selections.map((row) => row.id);
  const roundupIds = selections.flatMap((row) => (row.roundupId ? [row.roundupId] : []));
  // The stories the short candidates became when the roundup was generated (perhaps published with
  // it): made after the selection was. A candidate taken from an existing story is older than the
  // selection, and stays.
  const { rows: made } = await client.query<{ id: string; slug: string }>(
    `select s.id, s.slug from "Story" s join "SelectionCandidate" c on c."storyId" = s.id join "Selection" sel on sel.id = c."selectionId"
     where c."selectionId" = any($1) and s."createdAt" >= sel."createdAt"`,
    [ids],
  );
  const { rows: roundups } = await client.query<{ slug: string }>(`select slug from "Roundup" where id = any($1)`, [roundupIds]);
  await client.query(`delete from "Selection" where id = any($1)`, [ids]);
  await client.query(`delete from "Roundup" where id = any($1)`, [roundupIds]);
  await client.query(`delete from "Story" where id = any($1)`, [made.map((story) => story.id)]);
  await expireTags(client, [
    "home",
    "roundups",
    "feed",
    "sitemap",
    "search",
    ...selections.flatMap((row) => [`selection:${row.slug}`, `selection-totals:${row.slug}`]),
    ...roundups.map((row) => `roundup:${row.slug}`),
    ...made.map((story) => `story:${story.slug}`),
  ]);
}
