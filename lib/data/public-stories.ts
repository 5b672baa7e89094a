import "server-only";
import { db } from "@/lib/db";
import { publishedRoundupWhere, publishedStoryWhere } from "@/lib/data/visibility";
import { summarySelect, toSummary, type StorySummary } from "@/lib/data/public-shared";

export type StoryPlacement = { roundup: { slug: string; title: string; year: number }; rank: number };

export type StoryView = StorySummary & {
  body: string;
  byline: string;
  authorName: string;
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
      updatedAt: true,
      correction: true,
      correctedAt: true,
      author: { select: { name: true } },
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
      authorName: story.author.name,
      updatedAt: story.updatedAt.toISOString(),
      correction: story.correction,
      correctedAt: story.correctedAt?.toISOString() ?? null,
      tags: story.tags.map((t) => t.tag),
      placements: story.roundupItems.map((item) => ({ roundup: item.roundup, rank: item.rank })),
    },
  };
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
