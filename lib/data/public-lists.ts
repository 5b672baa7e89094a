import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { publishedRoundupWhere, publishedStoryWhere } from "@/lib/data/visibility";
import { PAGE_SIZE, pageWindow, summarySelect, toSummary, type Page, type StorySummary } from "@/lib/data/public-shared";

export type ListingView = { slug: string; name: string; description: string; stories: Page<StorySummary> };

async function storyPage(where: Prisma.StoryWhereInput, page: number): Promise<Page<StorySummary>> {
  const total = await db.story.count({ where });
  const window = pageWindow(page, total);
  const rows = await db.story.findMany({ where, orderBy: [{ publishedAt: "desc" }, { id: "desc" }], skip: window.skip, take: PAGE_SIZE, select: summarySelect });
  return { items: rows.map(toSummary), page: window.page, pageCount: window.pageCount, total };
}

/** A section and one page of its published stories, newest first; null for an unknown section. */
export async function getSectionListing(slug: string, page: number): Promise<ListingView | null> {
  const section = await db.section.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, description: true } });
  if (!section) return null;
  const stories = await storyPage({ ...publishedStoryWhere(), sectionId: section.id }, page);
  return { slug: section.slug, name: section.name, description: section.description, stories };
}

/**
 * A tag and one page of its published stories, newest first; null for an unknown tag, and for a tag
 * no published story carries: a tag used only on drafts would leak what is being written (an embargo).
 */
export async function getTagListing(slug: string, page: number): Promise<ListingView | null> {
  const now = new Date();
  const tag = await db.tag.findFirst({ where: { slug, stories: { some: { story: publishedStoryWhere(now) } } }, select: { id: true, slug: true, name: true } });
  if (!tag) return null;
  const stories = await storyPage({ ...publishedStoryWhere(now), tags: { some: { tagId: tag.id } } }, page);
  return { slug: tag.slug, name: tag.name, description: "", stories };
}

export async function getSections(): Promise<{ slug: string; name: string }[]> {
  return db.section.findMany({ orderBy: [{ position: "asc" }, { name: "asc" }], select: { slug: true, name: true } });
}

export type FeedItem = StorySummary & { body: string; authorName: string; byline: string };

/** The newest published stories with their bodies, for /feed.xml. */
export async function getFeedStories(limit = 20): Promise<FeedItem[]> {
  const rows = await db.story.findMany({
    where: publishedStoryWhere(),
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { ...summarySelect, body: true, byline: true, author: { select: { name: true } } },
  });
  return rows.map((row) => ({ ...toSummary(row), body: row.body, byline: row.byline, authorName: row.author.name }));
}

export type SitemapData = {
  stories: { slug: string; updatedAt: string }[];
  roundups: { slug: string; updatedAt: string }[];
  sections: { slug: string }[];
  tags: { slug: string }[];
};

/** Every public URL's key: published stories and roundups, sections and tags that list something. */
export async function getSitemapData(): Promise<SitemapData> {
  const now = new Date();
  const [stories, roundups, sections, tags] = await Promise.all([
    db.story.findMany({ where: publishedStoryWhere(now), orderBy: { publishedAt: "desc" }, select: { slug: true, updatedAt: true } }),
    db.roundup.findMany({ where: publishedRoundupWhere(now), orderBy: { year: "desc" }, select: { slug: true, updatedAt: true } }),
    db.section.findMany({ orderBy: { position: "asc" }, select: { slug: true } }),
    db.tag.findMany({ where: { stories: { some: { story: publishedStoryWhere(now) } } }, orderBy: { slug: "asc" }, select: { slug: true } }),
  ]);
  const iso = <T extends { updatedAt: Date }>(row: T) => ({ ...row, updatedAt: row.updatedAt.toISOString() });
  return { stories: stories.map(iso), roundups: roundups.map(iso), sections, tags };
}
