import "server-only";
import { db } from "@/lib/db";
import { publishedRoundupWhere, publishedStoryWhere } from "@/lib/data/visibility";
import { summarySelect, toSummary, type StorySummary } from "@/lib/data/public-shared";

export type StoryPlacement = { roundup: { slug: string; title: string; year: number }; rank: number };

export type StoryView = StorySummary & {
  body: string;
  /** The story's own byline; "" when none was written (pages then show none). */
  byline: string;
  source: string;
  /** 责任编辑's name, or null. */
  editorOfRecord: string | null;
  updatedAt: string;
  correction: string | null;
  correctedAt: string | null;
  tags: { slug: string; name: string }[];
  placements: StoryPlacement[];
};

export type StoryLookup = { kind: "story"; story: StoryView } | { kind: "redirect"; slug: string } | { kind: "missing" };

/** A published story by slug; an old slug of a published story answers with its current slug. */
export async function getPublishedStory(slug: string): Promise<StoryLookup> {
  const now = new Date();
  const story = await db.story.findFirst({
    where: { ...publishedStoryWhere(now), slug },
    select: {
      ...summarySelect,
      body: true,
      byline: true,
      source: true,
      updatedAt: true,
      correction: true,
      correctedAt: true,
      editorOfRecord: { select: { name: true } },
      tags: { select: { tag: { select: { slug: true, name: true } } }, orderBy: { tag: { name: "asc" } } },
      roundupItems: {
        where: { roundup: publishedRoundupWhere(now) },
        orderBy: { roundup: { year: "desc" } },
        select: { rank: true, roundup: { select: { slug: true, title: true, year: true } } },
      },
    },
  });
  if (!story) {
    const redirect = await db.slugRedirect.findFirst({
      where: { slug, story: publishedStoryWhere(now) },
      select: { story: { select: { slug: true } } },
    });
    return redirect ? { kind: "redirect", slug: redirect.story.slug } : { kind: "missing" };
  }
  return {
    kind: "story",
    story: {
      ...toSummary(story),
      body: story.body,
      byline: story.byline,
      source: story.source,
      editorOfRecord: story.editorOfRecord?.name ?? null,
      updatedAt: story.updatedAt.toISOString(),
      correction: story.correction,
      correctedAt: story.correctedAt?.toISOString() ?? null,
      tags: story.tags.map((t) => t.tag),
      placements: story.roundupItems.map((item) => ({ roundup: item.roundup, rank: item.rank })),
    },
  };
}

/**
 * "相关报道": other published stories sharing the story's tags or section, those sharing more tags
 * first, then the newest. The caller passes the story's section and tags so the cached read can be
 * tagged with them (lib/cache/public-reads.ts): a story published into them expires the list.
 */
export async function getRelatedStories(slug: string, sectionSlug: string | null, tagSlugs: string[], limit = 5): Promise<StorySummary[]> {
  if (!sectionSlug && tagSlugs.length === 0) return [];
  const candidates = await db.story.findMany({
    where: {
      ...publishedStoryWhere(),
      slug: { not: slug },
      OR: [...(sectionSlug ? [{ section: { slug: sectionSlug } }] : []), ...(tagSlugs.length > 0 ? [{ tags: { some: { tag: { slug: { in: tagSlugs } } } } }] : [])],
    },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: limit * 4,
    select: { ...summarySelect, tags: { where: { tag: { slug: { in: tagSlugs } } }, select: { tagId: true } } },
  });
  const score = (story: (typeof candidates)[number]) => story.tags.length * 2 + (story.section?.slug === sectionSlug ? 1 : 0);
  // A stable sort keeps the newest first among equal scores.
  return [...candidates].sort((a, b) => score(b) - score(a)).slice(0, limit).map(toSummary);
}

export type Neighbour = { slug: string; title: string; rank: number };

/**
 * The nearest published stories before and after a rank in a published roundup, so a withdrawn item
 * leaves no dead link. Kept apart from the story itself because it changes with the roundup.
 */
export async function getRoundupNeighbours(roundupSlug: string, rank: number): Promise<{ previous: Neighbour | null; next: Neighbour | null }> {
  const now = new Date();
  const neighbour = async (direction: "previous" | "next"): Promise<Neighbour | null> => {
    const item = await db.roundupItem.findFirst({
      where: {
        roundup: { ...publishedRoundupWhere(now), slug: roundupSlug },
        rank: direction === "previous" ? { lt: rank } : { gt: rank },
        story: publishedStoryWhere(now),
      },
      orderBy: { rank: direction === "previous" ? "desc" : "asc" },
      select: { rank: true, story: { select: { slug: true, title: true } } },
    });
    return item ? { ...item.story, rank: item.rank } : null;
  };
  const [previous, next] = await Promise.all([neighbour("previous"), neighbour("next")]);
  return { previous, next };
}
