// @ts-check
// Go-live times of scheduled stories and roundups, and the cache tags each one expires when it
// goes live. Used by shared-cache-handler.mjs; plain JavaScript for the same reason.

/**
 * Tags a scheduled story's pages carry; must match tagsForStory in lib/cache/tags.ts (a unit test
 * compares the two).
 * @param {{ slug: string, section: string | null, tags: string[], roundups: string[] }} story
 */
export function goLiveTagsForStory(story) {
  return [
    `story:${story.slug}`,
    ...(story.section ? [`section:${story.section}`] : []),
    ...story.tags.map((tag) => `tag:${tag}`),
    ...story.roundups.map((roundup) => `roundup:${roundup}`),
    "home",
    "feed",
    "sitemap",
    "search",
  ];
}

/** @param {{ slug: string, stories: string[] }} roundup */
export function goLiveTagsForRoundup(roundup) {
  return [`roundup:${roundup.slug}`, "roundups", "home", "sitemap", ...roundup.stories.map((slug) => `story:${slug}`)];
}

export const SCHEDULE_SQL = `
  select s.slug, s."publishedAt" as at, sec.slug as section,
    coalesce((select array_agg(t.slug) from "StoryTag" st join "Tag" t on t.id = st."tagId" where st."storyId" = s.id), '{}') as tags,
    coalesce((select array_agg(r.slug) from "RoundupItem" ri join "Roundup" r on r.id = ri."roundupId" where ri."storyId" = s.id), '{}') as roundups
  from "Story" s left join "Section" sec on sec.id = s."sectionId"
  where s.status = 'SCHEDULED' and s."publishedAt" > now()`;

export const ROUNDUP_SCHEDULE_SQL = `
  select r.slug, r."publishedAt" as at,
    coalesce((select array_agg(s.slug) from "RoundupItem" ri join "Story" s on s.id = ri."storyId" where ri."roundupId" = r.id), '{}') as stories
  from "Roundup" r where r.status = 'PUBLISHED' and r."publishedAt" > now()`;

