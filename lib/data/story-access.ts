import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { StoryCacheRef } from "@/lib/cache/tags";
import { isReleased } from "@/lib/editor/workflow";
import { slugify } from "@/lib/slug";

// Shared parts of the staff story functions: how a story maps to the cache tags of the public pages
// that show it, and slugs/tags that don't collide. Who may touch which story is in lib/auth/guards.ts.

type Tx = Prisma.TransactionClient;

const cacheSelect = {
  slug: true,
  status: true,
  section: { select: { slug: true } },
  tags: { select: { tag: { select: { slug: true } } } },
  roundupItems: { select: { roundup: { select: { slug: true } } } },
} as const;

/** Where the story shows now; combine before/after refs so moved sections and tags are refreshed too. */
export async function cacheRefOf(tx: Tx, storyId: string): Promise<StoryCacheRef & { released: boolean }> {
  const story = await tx.story.findUniqueOrThrow({ where: { id: storyId }, select: cacheSelect });
  return {
    slug: story.slug,
    sectionSlugs: story.section ? [story.section.slug] : [],
    tagSlugs: story.tags.map((t) => t.tag.slug),
    roundupSlugs: story.roundupItems.map((item) => item.roundup.slug),
    released: isReleased(story.status),
  };
}

export function mergeRefs(before: StoryCacheRef, after: StoryCacheRef): StoryCacheRef {
  const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];
  return {
    slug: after.slug,
    previousSlugs: before.slug !== after.slug ? [before.slug] : [],
    sectionSlugs: union(before.sectionSlugs, after.sectionSlugs),
    tagSlugs: union(before.tagSlugs, after.tagSlugs),
    roundupSlugs: union(before.roundupSlugs, after.roundupSlugs),
  };
}

/** A slug nobody else uses (nor redirects from): "bing-xue", then "bing-xue-2", "bing-xue-3"… */
export async function uniqueStorySlug(tx: Tx, wanted: string, storyId: string | null): Promise<string> {
  const base = slugify(wanted) || "story";
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    // One query at a time: a transaction has a single connection.
    const story = await tx.story.findUnique({ where: { slug: candidate }, select: { id: true } });
    const redirect = await tx.slugRedirect.findUnique({ where: { slug: candidate }, select: { storyId: true } });
    const free = (!story || story.id === storyId) && (!redirect || redirect.storyId === storyId);
    if (free) return candidate;
  }
}

/**
 * Tag ids for names, creating missing tags with a pinyin slug that doesn't collide. Many saves may
 * add the same new tag at once: the insert is ON CONFLICT DO NOTHING (a unique violation would abort
 * the whole save), and whoever's insert lost reads the winner's row. When the slug was taken by a
 * different name, the next slug is tried. Names are inserted in one order (sorted) so that two
 * saves adding the same two new tags can't each wait for the other's insert.
 */
export async function tagIdsFor(tx: Tx, names: string[]): Promise<string[]> {
  const ids = new Map<string, string>();
  for (const name of [...names].sort()) {
    const base = slugify(name) || "tag";
    for (let n = 1; !ids.has(name); n++) {
      const existing = await tx.tag.findUnique({ where: { name }, select: { id: true } });
      if (existing) ids.set(name, existing.id);
      else await tx.tag.createMany({ data: [{ name, slug: n === 1 ? base : `${base}-${n}` }], skipDuplicates: true });
    }
  }
  return names.flatMap((name) => ids.get(name) ?? []);
}
