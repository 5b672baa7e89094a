import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { StoryStatus } from "@/generated/prisma/enums";
import { hasRole, type Actor } from "@/lib/auth/roles";
import type { StoryCacheRef } from "@/lib/cache/tags";
import { forbidden, notFound, unauthenticated } from "@/lib/errors";
import { isReleased } from "@/lib/editor/workflow";
import { slugify } from "@/lib/slug";

// Shared rules of the staff story functions: who may touch which story, and how a story maps to the
// cache tags of the public pages that show it.

type Tx = Prisma.TransactionClient;

export function requireStaff(actor: Actor | null): Actor {
  if (!actor) throw unauthenticated();
  if (!hasRole(actor, "JOURNALIST")) throw forbidden();
  return actor;
}

export function requireEditor(actor: Actor | null): Actor {
  const staff = requireStaff(actor);
  if (!hasRole(staff, "EDITOR")) throw forbidden("只有编辑可以执行此操作。");
  return staff;
}

/** Journalists edit their own stories until an editor has released them; editors edit any story. */
export function canEditStory(actor: Actor, story: { authorId: string; status: StoryStatus }): boolean {
  const actorId = actor.id;
  if (hasRole(actor, "EDITOR")) return true;
  return story.authorId === actorId && (story.status === "DRAFT" || story.status === "IN_REVIEW" || story.status === "UNPUBLISHED");
}

export function assertCanEdit(actor: Actor, story: { authorId: string; status: StoryStatus } | null): asserts story {
  if (!story) throw notFound("找不到这篇报道。");
  if (!canEditStory(actor, story)) throw forbidden("你只能修改自己尚未发布的报道。");
}

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

/** Tag ids for names, creating missing tags with a pinyin slug that doesn't collide. */
export async function tagIdsFor(tx: Tx, names: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const name of names) {
    const existing = await tx.tag.findUnique({ where: { name }, select: { id: true } });
    if (existing) {
      ids.push(existing.id);
      continue;
    }
    const base = slugify(name) || "tag";
    let slug = base;
    for (let n = 2; await tx.tag.findUnique({ where: { slug }, select: { id: true } }); n++) slug = `${base}-${n}`;
    ids.push((await tx.tag.create({ data: { name, slug }, select: { id: true } })).id);
  }
  return ids;
}
