import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { requireStaff } from "@/lib/auth/guards";
import type { Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/data/audit";
import { AppError } from "@/lib/errors";

// Ranking integrity. A story that leaves the public site (unpublished, or rescheduled to later) while
// it holds a rank in a published roundup must not leave a silent gap: the editor is shown the
// roundups first and chooses, per change, to keep the slot ("该条目已撤下", rank kept; the public
// page renders the placeholder for any rank whose story readers can't see) or to renumber (the item
// leaves the roundup and the ranks below move up). Either way the roundup's history records it.

type Tx = Prisma.TransactionClient;

export type RankChoice = "keep" | "renumber";

export type RankedPlacement = { roundupId: string; roundupTitle: string; roundupSlug: string; rank: number; storyId: string; storyTitle: string };

/** Where the stories hold a rank in a published roundup, by roundup title and rank. */
export async function publishedPlacements(tx: Tx, storyIds: string[]): Promise<RankedPlacement[]> {
  if (storyIds.length === 0) return [];
  const items = await tx.roundupItem.findMany({
    where: { storyId: { in: storyIds }, roundup: { status: "PUBLISHED" } },
    orderBy: [{ roundup: { title: "asc" } }, { rank: "asc" }],
    select: { rank: true, storyId: true, story: { select: { title: true } }, roundup: { select: { id: true, title: true, slug: true } } },
  });
  return items.map((item) => ({
    roundupId: item.roundup.id,
    roundupTitle: item.roundup.title,
    roundupSlug: item.roundup.slug,
    rank: item.rank,
    storyId: item.storyId,
    storyTitle: item.story.title,
  }));
}

/** "《2023年吉林十大新闻》第 8 名" for each placement, joined for a sentence. */
export function describePlacements(placements: RankedPlacement[]): string {
  return placements.map((p) => `《${p.roundupTitle}》第 ${p.rank} 名`).join("、");
}

/**
 * Thrown when a change would take a ranked story off the public site and the caller has not said what
 * the roundups should do. The action hands the placements back to the form, which asks the editor.
 */
export class RankedStoryError extends AppError {
  constructor(readonly placements: RankedPlacement[]) {
    super("CONFLICT", `报道在已发布的榜单中：${describePlacements(placements)}。撤下前请选择榜单的处理方式。`);
  }
}

/**
 * Applies the editor's choice to every published roundup that ranks one of the stories, in the
 * caller's transaction, and records it on each roundup. Refuses (RankedStoryError) without a choice.
 * Returns the placements handled, so the caller can expire those roundups' pages.
 */
export async function settlePlacements(tx: Tx, input: { actorId: string; storyIds: string[]; choice: RankChoice | null; reason: string }): Promise<RankedPlacement[]> {
  const placements = await publishedPlacements(tx, input.storyIds);
  if (placements.length === 0) return [];
  if (!input.choice) throw new RankedStoryError(placements);
  for (const placement of placements) {
    // Locks the roundup's row (and bumps its version) so a concurrent reorder waits for this change.
    await tx.roundup.update({ where: { id: placement.roundupId }, data: { version: { increment: 1 } } });
    if (input.choice === "renumber") await removeAndRenumber(tx, placement.roundupId, placement.storyId);
    await recordAudit(tx, {
      actorId: input.actorId,
      action: input.choice === "keep" ? "roundup.item_withdrawn" : "roundup.item_renumbered",
      entityType: "roundup",
      entityId: placement.roundupId,
      summary:
        input.choice === "keep"
          ? `《${placement.roundupTitle}》第 ${placement.rank} 名《${placement.storyTitle}》${input.reason}，保留名次并显示“该条目已撤下”`
          : `《${placement.roundupTitle}》第 ${placement.rank} 名《${placement.storyTitle}》${input.reason}，已移出榜单，其后条目依次前移`,
    });
  }
  return placements;
}

/** Removes the story's item and closes the gap: ranks stay 1..N (negative first: the index is not deferrable). */
async function removeAndRenumber(tx: Tx, roundupId: string, storyId: string): Promise<void> {
  await tx.roundupItem.deleteMany({ where: { roundupId, storyId } });
  const rest = await tx.roundupItem.findMany({ where: { roundupId }, orderBy: { rank: "asc" }, select: { id: true } });
  for (const [index, item] of rest.entries()) await tx.roundupItem.update({ where: { id: item.id }, data: { rank: -(index + 1) } });
  for (const [index, item] of rest.entries()) await tx.roundupItem.update({ where: { id: item.id }, data: { rank: index + 1 } });
}

/** Published roundups the story is ranked in, for the story editor (its dialog names them up front). */
export async function getStoryPlacements(actor: Actor | null, storyId: string): Promise<RankedPlacement[]> {
  requireStaff(actor);
  return db.$transaction((tx) => publishedPlacements(tx, [storyId]));
}
