import "server-only";
import { requireEditor } from "@/lib/auth/guards";
import type { Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { cacheTags } from "@/lib/cache/tags";
import { recordAudit } from "@/lib/data/audit";
import { announceExpiredTags } from "@/lib/data/cache-announce";
import { publishedRoundupWhere, publishedStoryWhere } from "@/lib/data/visibility";
import { invalid } from "@/lib/errors";
import type { FrontPageInput } from "@/lib/validation/front-page";

// The home page as editors choose it: a featured roundup that stays until they change it (publishing
// another roundup doesn't displace it), and a few pinned stories. Readers get it through
// lib/data/public.ts (getHomeRoundup, getPinnedStories).

export type FrontPageChoices = {
  featuredRoundupId: string | null;
  roundups: { id: string; title: string; year: number }[];
  pinned: { id: string; title: string }[];
  /** Recently published stories that can be pinned (the pinned ones are listed first). */
  candidates: { id: string; title: string }[];
  /**
   * Choices readers no longer see because the story or roundup was taken off the site since: left
   * out of the form (the next save drops them, instead of being refused for them) and named to the editor.
   */
  dropped: string[];
};

export async function getFrontPageChoices(actor: Actor | null): Promise<FrontPageChoices> {
  requireEditor(actor);
  const now = new Date();
  const [settings, roundups, pins, recent] = await Promise.all([
    db.siteSettings.findUnique({ where: { id: 1 }, select: { featuredRoundupId: true } }),
    db.roundup.findMany({ where: publishedRoundupWhere(now), orderBy: [{ year: "desc" }, { publishedAt: "desc" }], select: { id: true, title: true, year: true } }),
    db.frontPagePin.findMany({ orderBy: { position: "asc" }, select: { story: { select: { id: true, title: true } } } }),
    db.story.findMany({ where: publishedStoryWhere(now), orderBy: [{ publishedAt: "desc" }, { id: "desc" }], take: 20, select: { id: true, title: true } }),
  ]);
  // Pins and a featured roundup stay stored when their story or roundup goes off the site (readers'
  // reads skip them); offered again, they would make every save of this form refused.
  const livePins = new Set(
    (await db.story.findMany({ where: { ...publishedStoryWhere(now), id: { in: pins.map((pin) => pin.story.id) } }, select: { id: true } })).map((story) => story.id),
  );
  const pinned = pins.map((pin) => pin.story).filter((story) => livePins.has(story.id));
  const pinnedIds = new Set(pinned.map((story) => story.id));
  const featured = settings?.featuredRoundupId ?? null;
  const featuredLive = featured === null || roundups.some((roundup) => roundup.id === featured);
  const featuredTitle = featuredLive ? null : (await db.roundup.findUnique({ where: { id: featured }, select: { title: true } }))?.title;
  const dropped = [
    ...(featuredLive ? [] : [`首页榜单《${featuredTitle ?? "已删除的榜单"}》已不在网站上，首页现在自动显示最新发布的榜单`]),
    ...pins.filter((pin) => !livePins.has(pin.story.id)).map((pin) => `《${pin.story.title}》已不在网站上，不再置顶`),
  ];
  return { featuredRoundupId: featuredLive ? featured : null, roundups, pinned, candidates: [...pinned, ...recent.filter((story) => !pinnedIds.has(story.id))], dropped };
}

/** Saves the editors' choice; only a published roundup can be featured and only published stories pinned. */
export async function updateFrontPage(actor: Actor | null, input: FrontPageInput): Promise<void> {
  const editor = requireEditor(actor);
  const now = new Date();
  await db.$transaction(async (tx) => {
    const roundup = input.featuredRoundupId
      ? await tx.roundup.findFirst({ where: { ...publishedRoundupWhere(now), id: input.featuredRoundupId }, select: { id: true, title: true } })
      : null;
    if (input.featuredRoundupId && !roundup) throw invalid("只能把已发布的榜单设为首页榜单。", { field: "featuredRoundupId" });
    const ids = [...new Set(input.pinnedStoryIds)];
    const stories = await tx.story.findMany({ where: { ...publishedStoryWhere(now), id: { in: ids } }, select: { id: true, title: true } });
    if (stories.length !== ids.length) throw invalid("只能置顶已发布的报道，请刷新页面后重新选择。", { field: "pinnedStoryIds" });

    await tx.siteSettings.upsert({ where: { id: 1 }, create: { id: 1, featuredRoundupId: roundup?.id ?? null }, update: { featuredRoundupId: roundup?.id ?? null } });
    await tx.frontPagePin.deleteMany({});
    if (ids.length > 0) await tx.frontPagePin.createMany({ data: ids.map((storyId, position) => ({ storyId, position })) });
    const titles = ids.map((id) => stories.find((story) => story.id === id)?.title ?? id);
    await recordAudit(tx, {
      actorId: editor.id,
      action: "site.front_page",
      entityType: "site",
      entityId: null,
      summary: `首页榜单：${roundup ? `《${roundup.title}》` : "最新发布的榜单"}；置顶报道：${titles.length > 0 ? titles.map((t) => `《${t}》`).join("、") : "无"}`,
    });
    await announceExpiredTags(tx, [cacheTags.home]);
  });
}
