import "server-only";
import { requireEditor } from "@/lib/auth/guards";
import type { Actor } from "@/lib/auth/roles";
import { cacheTags, tagsForRoundup } from "@/lib/cache/tags";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/data/audit";
import { BALLOT_FLAG_LABELS, type BallotFlag } from "@/lib/data/ballot-limits";
import { announceExpiredTags } from "@/lib/data/cache-announce";
import { countBallots } from "@/lib/data/public-selections";
import { uniqueStorySlug } from "@/lib/data/story-access";
import { retryOnUniqueViolation } from "@/lib/data/unique-retry";
import { conflict, notFound } from "@/lib/errors";
import { scoreSelection, type ScoredCandidate, type TieBreakRule } from "@/lib/selection/scoring";
import { windowState, type WindowState } from "@/lib/selection/window";
import { slugify } from "@/lib/slug";

// A selection's results for its editors (both ways: with and without flagged ballots), the audited
// choice to exclude flagged ballots, and "生成榜单": a draft roundup in the computed order.

export type ResultRow = ScoredCandidate & { title: string; storyId: string | null; ballotsWithFlagged: number; ballotsWithoutFlagged: number };

export type SelectionResults = {
  id: string;
  slug: string;
  title: string;
  state: WindowState;
  readerWeight: number;
  tieBreak: TieBreakRule;
  excludeFlagged: boolean;
  roundupId: string | null;
  ballots: { all: number; unflagged: number; flagged: number };
  flagCounts: { flag: BallotFlag; label: string; count: number }[];
  jurors: { active: number };
  /** In the computed order, counted as the editor chose (flagged ballots in or out). */
  rows: ResultRow[];
};

export async function getSelectionResults(actor: Actor | null, id: string, now: Date = new Date()): Promise<SelectionResults | null> {
  requireEditor(actor);
  const selection = await db.selection.findUnique({
    where: { id },
    select: {
      id: true, slug: true, title: true, opensAt: true, closesAt: true, readerWeight: true, tieBreak: true, excludeFlagged: true, roundupId: true,
      candidates: { orderBy: { position: "asc" }, select: { id: true, position: true, title: true, storyId: true, scores: { where: { juror: { revokedAt: null } }, select: { score: true } } } },
      _count: { select: { jurors: { where: { revokedAt: null } } } },
    },
  });
  if (!selection) return null;
  const [withFlagged, withoutFlagged, flagRows] = await Promise.all([
    countBallots(selection.id, true),
    countBallots(selection.id, false),
    db.$queryRaw<{ flag: string; n: number }[]>`select unnest(flags) as flag, count(*)::int as n from "Ballot" where "selectionId" = ${selection.id} group by 1`,
  ]);
  const counted = selection.excludeFlagged ? withoutFlagged : withFlagged;
  const scored = scoreSelection(
    selection.candidates.map((candidate) => ({ id: candidate.id, position: candidate.position, ballots: counted.counts[candidate.id] ?? 0, juryScores: candidate.scores.map((row) => row.score) })),
    { readerWeight: selection.readerWeight, tieBreak: selection.tieBreak },
  );
  const byId = new Map(selection.candidates.map((candidate) => [candidate.id, candidate]));
  return {
    id: selection.id,
    slug: selection.slug,
    title: selection.title,
    state: windowState(selection, now),
    readerWeight: selection.readerWeight,
    tieBreak: selection.tieBreak,
    excludeFlagged: selection.excludeFlagged,
    roundupId: selection.roundupId,
    ballots: { all: withFlagged.ballots, unflagged: withoutFlagged.ballots, flagged: withFlagged.ballots - withoutFlagged.ballots },
    flagCounts: flagRows.map((row) => ({ flag: row.flag as BallotFlag, label: BALLOT_FLAG_LABELS[row.flag as BallotFlag] ?? row.flag, count: row.n })),
    jurors: { active: selection._count.jurors },
    rows: scored.map((row) => ({
      ...row,
      title: byId.get(row.id)?.title ?? "",
      storyId: byId.get(row.id)?.storyId ?? null,
      ballotsWithFlagged: withFlagged.counts[row.id] ?? 0,
      ballotsWithoutFlagged: withoutFlagged.counts[row.id] ?? 0,
    })),
  };
}

export async function setExcludeFlagged(actor: Actor | null, input: { selectionId: string; exclude: boolean }): Promise<{ slug: string }> {
  const editor = requireEditor(actor);
  return db.$transaction(async (tx) => {
    const selection = await tx.selection.update({ where: { id: input.selectionId }, data: { excludeFlagged: input.exclude, version: { increment: 1 } }, select: { slug: true, title: true, roundupId: true } }).catch(() => null);
    if (!selection) throw notFound("找不到这个评选。");
    if (selection.roundupId) throw conflict("榜单已经生成，计票方式不能再改。");
    const flagged = await tx.ballot.count({ where: { selectionId: input.selectionId, NOT: { flags: { isEmpty: true } } } });
    await recordAudit(tx, {
      actorId: editor.id,
      action: input.exclude ? "selection.flagged_exclude" : "selection.flagged_include",
      entityType: "selection",
      entityId: input.selectionId,
      summary: `评选《${selection.title}》${input.exclude ? "不计入" : "恢复计入"} ${flagged} 张被标记的选票`,
    });
    await announceExpiredTags(tx, [cacheTags.selectionTotals(selection.slug)]);
    return { slug: selection.slug };
  });
}

/**
 * "生成榜单": after voting has closed, a draft roundup with the candidates in the computed order.
 * A short candidate becomes a draft story (and stays linked to it). Each item keeps its figures in
 * metadata ({ votes, juryMean, combined, tied }), which the public roundup page shows when the
 * roundup's showSelectionScores setting is on. Once per selection.
 */
export async function generateRoundup(actor: Actor | null, selectionId: string, now: Date = new Date()): Promise<{ roundupId: string; tied: number }> {
  const editor = requireEditor(actor);
  const results = await getSelectionResults(editor, selectionId, now);
  if (!results) throw notFound("找不到这个评选。");
  if (results.state !== "closed") throw conflict("投票结束后才能生成榜单。");
  if (results.rows.length === 0) throw conflict("这个评选没有候选，无法生成榜单。");
  const selection = await db.selection.findUniqueOrThrow({ where: { id: selectionId }, select: { title: true, year: true, intro: true } });
  return retryOnUniqueViolation(() =>
    db.$transaction(async (tx) => {
      // Locks the selection; a second click waits here and then finds the roundup already made.
      const locked = await tx.selection.update({ where: { id: selectionId }, data: { version: { increment: 1 } }, select: { roundupId: true } });
      if (locked.roundupId) throw conflict("这个评选已经生成过榜单了。");
      let slug = slugify(selection.title) || `selection-${selection.year}`;
      for (let n = 2; await tx.roundup.findUnique({ where: { slug }, select: { id: true } }); n++) slug = `${slugify(selection.title) || `selection-${selection.year}`}-${n}`;
      const roundup = await tx.roundup.create({ data: { slug, title: selection.title, year: selection.year, intro: selection.intro, createdById: editor.id }, select: { id: true } });
      for (const row of results.rows) {
        let storyId = row.storyId;
        if (!storyId) {
          const candidate = await tx.selectionCandidate.findUniqueOrThrow({ where: { id: row.id }, select: { title: true, description: true } });
          const story = await tx.story.create({
            data: { slug: await uniqueStorySlug(tx, candidate.title, null), title: candidate.title, dek: candidate.description, body: candidate.description, authorId: editor.id, byline: editor.name, updatedById: editor.id },
            select: { id: true, version: true },
          });
          await tx.storyRevision.create({ data: { storyId: story.id, version: story.version, title: candidate.title, dek: candidate.description, body: candidate.description, byline: editor.name, tagNames: [], editorId: editor.id } });
          await tx.selectionCandidate.update({ where: { id: row.id }, data: { storyId: story.id } });
          storyId = story.id;
        }
        const metadata = { votes: row.ballots, juryMean: row.juryMean === null ? null : Math.round(row.juryMean * 100) / 100, combined: Math.round(row.combined * 100) / 100, tied: row.tiedWith.length > 0 };
        await tx.roundupItem.create({ data: { roundupId: roundup.id, storyId, rank: row.rank, metadata } });
      }
      await tx.selection.update({ where: { id: selectionId }, data: { roundupId: roundup.id } });
      const tied = results.rows.filter((row) => row.tiedWith.length > 0).length;
      await recordAudit(tx, {
        actorId: editor.id,
        action: "selection.generate_roundup",
        entityType: "selection",
        entityId: selectionId,
        summary: `评选《${selection.title}》生成榜单草稿（${results.rows.length} 项${tied ? `，${tied} 项同分` : ""}，${results.excludeFlagged ? "不计" : "计入"}被标记的选票，榜单编号 ${roundup.id}）`,
      });
      return { roundupId: roundup.id, tied };
    }),
  );
}

/** The public roundup page shows "读者票数 / 评委评分" per item when this is on. */
export async function setRoundupScoresShown(actor: Actor | null, input: { roundupId: string; show: boolean }): Promise<{ slug: string; published: boolean; storySlugs: string[] }> {
  const editor = requireEditor(actor);
  return db.$transaction(async (tx) => {
    const roundup = await tx.roundup.update({ where: { id: input.roundupId }, data: { showSelectionScores: input.show, version: { increment: 1 } }, select: { slug: true, title: true, status: true, items: { select: { story: { select: { slug: true } } } } } }).catch(() => null);
    if (!roundup) throw notFound("找不到这个榜单。");
    await recordAudit(tx, { actorId: editor.id, action: "roundup.scores_shown", entityType: "roundup", entityId: input.roundupId, summary: `榜单《${roundup.title}》${input.show ? "显示" : "不显示"}读者票数 / 评委评分` });
    const storySlugs = roundup.items.map((item) => item.story.slug);
    if (roundup.status === "PUBLISHED") await announceExpiredTags(tx, tagsForRoundup(roundup.slug, storySlugs));
    return { slug: roundup.slug, published: roundup.status === "PUBLISHED", storySlugs };
  });
}
