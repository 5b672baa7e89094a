import "server-only";
import { unstable_cache } from "next/cache";
import { cacheTags } from "@/lib/cache/tags";
import { isBuildPhase } from "@/lib/env";
import { getHomeRoundup, getLatestStories, getPinnedStories, getPublishedRoundup, getRoundupArchive } from "@/lib/data/public";
import { getFeedStories, getSectionListing, getSections, getSitemapData, getTagListing } from "@/lib/data/public-lists";
import { getPublishedStory, getRelatedStories, getRoundupNeighbours } from "@/lib/data/public-stories";
import { NO_SEARCH_RESULTS, searchStories } from "@/lib/data/search";
import { getPublicSelection, getPublicTotals } from "@/lib/data/public-selections";

// The public pages read through these cached, tagged wrappers. Each read carries the tags of the
// content it shows; the page that calls it inherits those tags, so expiring a tag (lib/cache/tags.ts)
// empties exactly the data and the pages that show that content. Entries live in the shared cache
// handler (lib/cache/shared-cache-handler.mjs). A day is only a safety net: changes expire tags.
const DAY = 24 * 60 * 60;

// `next build` renders the static routes once, but what it renders is never served (the cache
// handler fills pages at run time). Reading nothing at build keeps database content out of the build
// and lets it run without a database.

// Next drops (with a warning per request) a tag longer than this, which would leave an entry no
// change could expire. Only a made-up address gets such a tag (slugs are far shorter); it is read
// without the cache, as any unknown address is read once.
const MAX_TAG_LENGTH = 256;

function cached<A extends unknown[], R>(key: string, tagsOf: (...args: A) => string[], read: (...args: A) => Promise<R>, atBuild: R) {
  return (...args: A): Promise<R> => {
    if (isBuildPhase()) return Promise.resolve(atBuild);
    const tags = tagsOf(...args);
    if (tags.some((tag) => tag.length > MAX_TAG_LENGTH)) return read(...args);
    return unstable_cache(() => read(...args), [key, ...args.map((arg) => JSON.stringify(arg))], { tags, revalidate: DAY })();
  };
}

// The front-page choice expires the home tag itself (lib/actions/front-page.ts).
export const readHomeRoundup = cached("home-roundup", () => [cacheTags.home], getHomeRoundup, null);
export const readPinnedStories = cached("pinned-stories", () => [cacheTags.home], getPinnedStories, []);
export const readLatestStories = cached("latest-stories", (_limit: number) => [cacheTags.home], getLatestStories, []);
export const readRoundup = cached("roundup", (slug: string) => [cacheTags.roundup(slug)], getPublishedRoundup, null);
export const readRoundupArchive = cached("roundup-archive", () => [cacheTags.roundups], getRoundupArchive, []);
export const readStory = cached("story", (slug: string) => [cacheTags.story(slug)], getPublishedStory, { kind: "missing" as const });
// Tagged with the roundup: reordering it, or editing a neighbour, changes these links.
export const readNeighbours = cached("neighbours", (roundupSlug: string, _rank: number) => [cacheTags.roundup(roundupSlug)], getRoundupNeighbours, {
  previous: null,
  next: null,
});
// Tagged with what makes a story related: a story published, changed or withdrawn in the same section
// or under one of the tags expires the list (tagsForStory names its section and tags).
export const readRelated = cached(
  "related",
  (slug: string, sectionSlug: string | null, tagSlugs: string[], _limit: number) => [cacheTags.story(slug), ...(sectionSlug ? [cacheTags.section(sectionSlug)] : []), ...tagSlugs.map(cacheTags.tag)],
  getRelatedStories,
  [],
);
export const readSectionListing = cached("section", (slug: string, _page: number) => [cacheTags.section(slug)], getSectionListing, null);
export const readTagListing = cached("tag", (slug: string, _page: number) => [cacheTags.tag(slug)], getTagListing, null);
export const readSections = cached("sections", () => [cacheTags.sections], getSections, []);
export const readFeedStories = cached("feed", (_limit: number) => [cacheTags.feed], getFeedStories, []);
export const readSitemapData = cached("sitemap", () => [cacheTags.sitemap], getSitemapData, { stories: [], roundups: [], sections: [], tags: [] });
export const readSearch = cached("search", (_terms: string[], _page: number) => [cacheTags.search], searchStories, NO_SEARCH_RESULTS);
// A selection's voting page data (expired by its editors' changes) and its running totals (expired
// by ballot arrival, at most every few seconds: lib/selection/totals-expiry.ts).
export const readSelection = cached("selection", (slug: string) => [cacheTags.selection(slug)], getPublicSelection, null);
export const readSelectionTotals = cached("selection-totals", (slug: string) => [cacheTags.selectionTotals(slug)], getPublicTotals, null);
