import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { isLive } from "@/lib/editor/workflow";

// Public reads of selections (年度评选): the voting page and its running totals. Plain objects with
// ISO dates, so the cached copies (lib/cache/public-reads.ts) come back the same. The window state is
// not part of what is cached: pages compute it from opensAt/closesAt on every render.

export type PublicCandidate = { id: string; position: number; title: string; description: string; storySlug: string | null };

export type PublicSelection = {
  id: string;
  slug: string;
  title: string;
  year: number;
  intro: string;
  maxChoices: number;
  opensAt: string;
  closesAt: string;
  resultsPublic: boolean;
  candidates: PublicCandidate[];
};

/** The settings the voting page and the editor's page both read (one list, so a new one is added once). */
export const selectionSettingsSelect = { id: true, slug: true, title: true, year: true, intro: true, maxChoices: true, opensAt: true, closesAt: true, resultsPublic: true } satisfies Prisma.SelectionSelect;

export async function getPublicSelection(slug: string): Promise<PublicSelection | null> {
  const now = new Date();
  const row = await db.selection.findUnique({
    where: { slug },
    select: {
      ...selectionSettingsSelect,
      candidates: { orderBy: { position: "asc" }, select: { id: true, position: true, title: true, description: true, story: { select: { slug: true, status: true, publishedAt: true } } } },
    },
  });
  if (!row) return null;
  const { candidates, opensAt, closesAt, ...settings } = row;
  return {
    ...settings,
    opensAt: opensAt.toISOString(),
    closesAt: closesAt.toISOString(),
    candidates: candidates.map(({ story, ...candidate }) => {
      // A link only to a story readers can open.
      const readable = story && isLive(story.status, story.publishedAt, now);
      return { ...candidate, storySlug: readable ? story.slug : null };
    }),
  };
}

export type BallotCounts = { ballots: number; counts: Record<string, number> };

/**
 * Ballots per candidate, counted by query (ballots are rows; nothing is kept as a counter).
 * withFlagged=false leaves out ballots flagged as looking automated.
 */
export async function countBallots(selectionId: string, withFlagged: boolean): Promise<BallotCounts> {
  const [perCandidate, total] = await Promise.all([
    withFlagged
      ? db.$queryRaw<{ candidateId: string; n: number }[]>`
          select c."candidateId", count(*)::int as n from "BallotChoice" c join "Ballot" b on b.id = c."ballotId"
          where b."selectionId" = ${selectionId} group by c."candidateId"`
      : db.$queryRaw<{ candidateId: string; n: number }[]>`
          select c."candidateId", count(*)::int as n from "BallotChoice" c join "Ballot" b on b.id = c."ballotId"
          where b."selectionId" = ${selectionId} and cardinality(b.flags) = 0 group by c."candidateId"`,
    db.ballot.count({ where: { selectionId, ...(withFlagged ? {} : { flags: { isEmpty: true } }) } }),
  ]);
  return { ballots: total, counts: Object.fromEntries(perCandidate.map((row) => [row.candidateId, row.n])) };
}

/**
 * The running totals readers may see: null unless the editor made them public. Independent of the
 * clock (the page decides by the window whether to show them), so a cached copy never goes stale by time.
 */
export async function getPublicTotals(slug: string): Promise<BallotCounts | null> {
  const selection = await db.selection.findUnique({ where: { slug }, select: { id: true, resultsPublic: true, excludeFlagged: true } });
  if (!selection?.resultsPublic) return null;
  return countBallots(selection.id, !selection.excludeFlagged);
}

export type BallotReceiptView = { slug: string; title: string; createdAt: string; choices: string[] };

/** What a ballot chose, for its confirmation page (the receipt's signature is checked by the caller). */
export async function getBallotReceipt(ballotId: string): Promise<BallotReceiptView | null> {
  const ballot = await db.ballot.findUnique({
    where: { id: ballotId },
    select: { createdAt: true, selection: { select: { slug: true, title: true } }, choices: { select: { candidate: { select: { title: true, position: true } } } } },
  });
  if (!ballot) return null;
  const choices = ballot.choices.map((choice) => choice.candidate).sort((a, b) => a.position - b.position);
  return { slug: ballot.selection.slug, title: ballot.selection.title, createdAt: ballot.createdAt.toISOString(), choices: choices.map((choice) => choice.title) };
}
