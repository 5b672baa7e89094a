import "server-only";
import { db } from "@/lib/db";
import { publishedRoundupWhere, publishedStoryWhere } from "@/lib/data/visibility";
import { roundupLeadSelect, summarySelect, toRoundupLead, toSummary, type RoundupLeadView, type StorySummary } from "@/lib/data/public-shared";
import { isLive } from "@/lib/editor/workflow";

// Public reads of roundups and the home page: no session needed, and nothing unpublished ever leaves
// this file (or its siblings public-stories.ts, public-lists.ts and search.ts).

export type { StorySummary } from "@/lib/data/public-shared";
// Story reads live in public-stories.ts; re-exported so existing callers keep one entry point.
export { getPublishedStory, getRoundupNeighbours, type StoryLookup, type StoryView } from "@/lib/data/public-stories";

/**
 * href: where the title links, when not the public story page (the staff preview links to previews).
 * figures: reader votes and the jury's mean score, when the roundup shows them (a roundup generated
 * from a selection with its showSelectionScores setting on).
 */
export type RankedStory = StorySummary & { rank: number; href?: string; figures?: SelectionFigures };

export type SelectionFigures = { votes: number | null; juryMean: number | null };

/** The figures a roundup item's metadata carries ({ votes, juryMean } from lib/data/selection-results.ts). */
export function figuresOf(metadata: unknown): SelectionFigures | undefined {
  if (!metadata || typeof metadata !== "object") return undefined;
  const { votes, juryMean } = metadata as { votes?: unknown; juryMean?: unknown };
  const number = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : null);
  if (number(votes) === null && number(juryMean) === null) return undefined;
  return { votes: number(votes), juryMean: number(juryMean) };
}

/**
 * One rank of a published roundup. A rank whose story readers can't see (unpublished after the
 * roundup went out, or moved to a later time) stays in the list as a withdrawn slot, never a silent
 * gap, and carries nothing of the story.
 */
export type RankedSlot = (RankedStory & { withdrawn: false }) | { rank: number; withdrawn: true };

export type RoundupView = {
  slug: string;
  title: string;
  year: number;
  publisher: string;
  intro: string;
  /** Commentary printed after the list; "" when there is none. */
  outro: string;
  ordering: "RANK" | "DATE";
  publishedAt: string;
  updatedAt: string;
  /** The lead photo with its caption and credit; null without an image file. */
  lead: RoundupLeadView | null;
  items: RankedSlot[];
};

async function loadRoundup(where: { slug?: string; id?: string }): Promise<RoundupView | null> {
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
      outro: true,
      ordering: true,
      publishedAt: true,
      updatedAt: true,
      showSelectionScores: true,
      ...roundupLeadSelect,
      items: {
        orderBy: { rank: "asc" },
        select: { rank: true, metadata: true, story: { select: { ...summarySelect, status: true } } },
      },
    },
  });
  if (!roundup) return null;
  const { showSelectionScores, leadAlt, leadCaption, leadCredit, leadMedia, ...view } = roundup;
  return {
    ...view,
    lead: toRoundupLead({ leadAlt, leadCaption, leadCredit, leadMedia }),
    publishedAt: (roundup.publishedAt ?? new Date(0)).toISOString(),
    updatedAt: roundup.updatedAt.toISOString(),
    items: roundup.items.map(({ rank, story, metadata }): RankedSlot => {
      if (!isLive(story.status, story.publishedAt, now)) return { rank, withdrawn: true };
      const figures = showSelectionScores ? figuresOf(metadata) : undefined;
      return { ...toSummary(story), rank, withdrawn: false, ...(figures ? { figures } : {}) };
    }),
  };
}

/**
 * The home page's roundup: the one editors featured (lib/data/front-page.ts) while it is published,
 * otherwise the newest published one. Publishing another roundup never displaces a featured one.
 */
export async function getHomeRoundup(): Promise<RoundupView | null> {
  const settings = await db.siteSettings.findUnique({ where: { id: 1 }, select: { featuredRoundupId: true } });
  const featured = settings?.featuredRoundupId ? await loadRoundup({ id: settings.featuredRoundupId }) : null;
  return featured ?? loadRoundup({});
}

/** Stories editors pinned to the home page, in their order, while they are published. */
export async function getPinnedStories(): Promise<StorySummary[]> {
  const pins = await db.frontPagePin.findMany({ where: { story: publishedStoryWhere() }, orderBy: { position: "asc" }, select: { story: { select: summarySelect } } });
  return pins.map((pin) => toSummary(pin.story));
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

export type RoundupArchiveYear = { year: number; roundups: { slug: string; title: string; publisher: string; storyCount: number }[] };

/** Every published roundup, newest year first, for the archive page. */
export async function getRoundupArchive(): Promise<RoundupArchiveYear[]> {
  const now = new Date();
  const roundups = await db.roundup.findMany({
    where: publishedRoundupWhere(now),
    orderBy: [{ year: "desc" }, { publishedAt: "desc" }],
    select: { slug: true, title: true, year: true, publisher: true, _count: { select: { items: { where: { story: publishedStoryWhere(now) } } } } },
  });
  const years: RoundupArchiveYear[] = [];
  for (const roundup of roundups) {
    let group = years.at(-1);
    if (group?.year !== roundup.year) {
      group = { year: roundup.year, roundups: [] };
      years.push(group);
    }
    group.roundups.push({ slug: roundup.slug, title: roundup.title, publisher: roundup.publisher, storyCount: roundup._count.items });
  }
  return years;
}
