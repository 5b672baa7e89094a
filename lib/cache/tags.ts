import "server-only";
import { updateTag } from "next/cache";

// Cache tags of the public pages. A cached read tags itself with what it shows; a change expires
// exactly the tags of the pages that show the changed content, never the whole site.
export const cacheTags = {
  home: "home",
  feed: "feed",
  sitemap: "sitemap",
  search: "search",
  roundups: "roundups",
  /** The section list in the site navigation (sections change rarely, outside the editor). */
  sections: "sections",
  story: (slug: string) => `story:${slug}`,
  roundup: (slug: string) => `roundup:${slug}`,
  section: (slug: string) => `section:${slug}`,
  tag: (slug: string) => `tag:${slug}`,
  /** A selection's voting page: its title, window and candidates. */
  selection: (slug: string) => `selection:${slug}`,
  /** A selection's running totals, expired by ballot arrival at a bounded rate (lib/selection/totals-expiry.ts). */
  selectionTotals: (slug: string) => `selection-totals:${slug}`,
} as const;

export type StoryCacheRef = {
  slug: string;
  /** Slugs the story answered to before (a renamed slug must stop serving the old page). */
  previousSlugs?: string[];
  sectionSlugs: string[];
  tagSlugs: string[];
  roundupSlugs: string[];
};

/** Every tag of every public page that shows a story: its page, its roundups, lists, search, feed, sitemap. */
export function tagsForStory(ref: StoryCacheRef): string[] {
  return [
    cacheTags.story(ref.slug),
    ...(ref.previousSlugs ?? []).map(cacheTags.story),
    ...ref.sectionSlugs.map(cacheTags.section),
    ...ref.tagSlugs.map(cacheTags.tag),
    ...ref.roundupSlugs.map(cacheTags.roundup),
    cacheTags.home,
    cacheTags.feed,
    cacheTags.sitemap,
    cacheTags.search,
  ];
}

export function tagsForRoundup(slug: string, storySlugs: string[]): string[] {
  return [cacheTags.roundup(slug), cacheTags.roundups, cacheTags.home, cacheTags.sitemap, ...storySlugs.map(cacheTags.story)];
}

/** What a roundup change touched: its own pages while published, and stories published with it. */
export function tagsForRoundupChange(change: { slug: string; published: boolean; storySlugs: string[]; publishedStories: StoryCacheRef[] }): string[] {
  return [...change.publishedStories.flatMap(tagsForStory), ...(change.published ? tagsForRoundup(change.slug, change.storySlugs) : [])];
}

/**
 * For Server Actions: expires the tags at once in this process, so the editor and the next reader see
 * the change. Other processes (and the CDN) hear of it only through the notice the lib/data function
 * sent in the change's own transaction (lib/data/cache-announce.ts): a data function that changes
 * public content must call announceExpiredTags.
 */
export function expireTags(tags: string[]): void {
  for (const tag of new Set(tags)) updateTag(tag);
}
