import "server-only";
import { db } from "@/lib/db";
import { publishedRoundupWhere, publishedStoryWhere } from "@/lib/data/visibility";

// Public reads: no session needed, and nothing unpublished ever leaves this file.

export type StorySummary = {
  slug: string;
  title: string;
  dek: string;
  publishedAt: Date;
  section: { slug: string; name: string } | null;
  leadMedia: { alt: string; caption: string; credit: string; storageKey: string | null } | null;
};

export type RankedStory = StorySummary & { rank: number };

export type RoundupView = {
  slug: string;
  title: string;
  year: number;
  publisher: string;
  intro: string;
  ordering: "RANK" | "DATE";
  publishedAt: Date;
  items: RankedStory[];
};

const summarySelect = {
  slug: true,
  title: true,
  dek: true,
  publishedAt: true,
  section: { select: { slug: true, name: true } },
  leadMedia: { select: { alt: true, caption: true, credit: true, storageKey: true } },
} as const;

function toSummary(story: {
  slug: string;
  title: string;
  dek: string;
  publishedAt: Date | null;
  section: StorySummary["section"];
  leadMedia: StorySummary["leadMedia"];
}): StorySummary {
  // publishedAt is never null here: the published filter requires it.
  return { ...story, publishedAt: story.publishedAt ?? new Date(0) };
}

async function loadRoundup(where: { slug?: string }): Promise<RoundupView | null> {
  const now = new Date();
  const roundup = await db.roundup.findFirst({
    where: { ...publishedRoundupWhere(now), ...where },
    orderBy: [{ year: "desc" }, { publishedAt: "desc" }],
    select: {
      slug: true,
      title: true,
      year: true,
      publisher: true,
      intro: true,
      ordering: true,
      publishedAt: true,
      items: {
        where: { story: publishedStoryWhere(now) },
        orderBy: { rank: "asc" },
        select: { rank: true, story: { select: summarySelect } },
      },
    },
  });
  if (!roundup) return null;
  return {
    ...roundup,
    publishedAt: roundup.publishedAt ?? new Date(0),
    items: roundup.items.map((item) => ({ ...toSummary(item.story), rank: item.rank })),
  };
}

/** The newest published roundup, ranked, with only its published stories. */
export function getLatestRoundup(): Promise<RoundupView | null> {
  return loadRoundup({});
}

export function getPublishedRoundup(slug: string): Promise<RoundupView | null> {
  return loadRoundup({ slug });
}

export async function getLatestStories(limit = 10): Promise<StorySummary[]> {
  const stories = await db.story.findMany({
    where: publishedStoryWhere(),
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: summarySelect,
  });
  return stories.map(toSummary);
}

export type StoryPlacement = {
  roundup: { slug: string; title: string };
  rank: number;
  previous: { slug: string; title: string; rank: number } | null;
  next: { slug: string; title: string; rank: number } | null;
};

export type StoryView = StorySummary & {
  body: string;
  byline: string;
  authorName: string;
  updatedAt: Date;
  correction: string | null;
  correctedAt: Date | null;
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
      id: true,
      body: true,
      byline: true,
      updatedAt: true,
      correction: true,
      correctedAt: true,
      author: { select: { name: true } },
      tags: { select: { tag: { select: { slug: true, name: true } } } },
      roundupItems: {
        where: { roundup: publishedRoundupWhere(now) },
        select: { rank: true, roundupId: true, roundup: { select: { slug: true, title: true } } },
      },
    },
  });
  if (!story) {
    const redirect = await db.slugRedirect.findUnique({ where: { slug }, select: { story: { select: { slug: true, status: true, publishedAt: true } } } });
    const target = redirect?.story;
    const visible = target && (target.status === "PUBLISHED" || target.status === "SCHEDULED") && target.publishedAt && target.publishedAt <= now;
    return visible ? { kind: "redirect", slug: target.slug } : { kind: "missing" };
  }

  const placements: StoryPlacement[] = [];
  for (const item of story.roundupItems) {
    // Neighbours are the nearest published stories by rank, so a withdrawn item leaves no dead link.
    const neighbour = (direction: "previous" | "next") =>
      db.roundupItem.findFirst({
        where: {
          roundupId: item.roundupId,
          rank: direction === "previous" ? { lt: item.rank } : { gt: item.rank },
          story: publishedStoryWhere(now),
        },
        orderBy: { rank: direction === "previous" ? "desc" : "asc" },
        select: { rank: true, story: { select: { slug: true, title: true } } },
      });
    const [previous, next] = await Promise.all([neighbour("previous"), neighbour("next")]);
    placements.push({
      roundup: item.roundup,
      rank: item.rank,
      previous: previous ? { ...previous.story, rank: previous.rank } : null,
      next: next ? { ...next.story, rank: next.rank } : null,
    });
  }

  const { author, tags, roundupItems: _items, id: _id, ...rest } = story;
  return {
    kind: "story",
    story: { ...toSummary(rest), ...rest, publishedAt: rest.publishedAt ?? new Date(0), authorName: author.name, tags: tags.map((t) => t.tag), placements },
  };
}
