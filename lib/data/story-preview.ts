import "server-only";
import { requireStaff } from "@/lib/auth/guards";
import type { Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { canReadStory } from "@/lib/data/newsroom-settings";
import { effectiveStatus } from "@/lib/editor/workflow";

// Any story, published or not, for the staff preview: only signed-in staff get here (checked below).
export async function getStoryPreview(actor: Actor | null, id: string) {
  const staff = requireStaff(actor);
  const story = await db.story.findUnique({
    where: { id },
    select: {
      id: true,
      slug: true,
      title: true,
      dek: true,
      body: true,
      byline: true,
      status: true,
      publishedAt: true,
      correction: true,
      correctedAt: true,
      authorId: true,
      author: { select: { name: true } },
      section: { select: { slug: true, name: true } },
      tags: { select: { tag: { select: { slug: true, name: true } } } },
      leadMedia: { select: { alt: true, caption: true, credit: true, storageKey: true, width: true, height: true, variants: true } },
      roundupItems: { select: { rank: true, roundup: { select: { title: true } } }, take: 1 },
    },
  });
  if (!story || !(await canReadStory(staff, story))) return null;
  const { author, authorId: _authorId, tags, roundupItems, ...rest } = story;
  return { ...rest, status: effectiveStatus(story.status, story.publishedAt), authorName: author.name, tags: tags.map((t) => t.tag), placement: roundupItems[0] ?? null };
}
