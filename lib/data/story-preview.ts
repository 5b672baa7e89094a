import "server-only";
import type { StoryStatus } from "@/generated/prisma/enums";
import { requireStaff } from "@/lib/auth/guards";
import type { Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { canReadStory } from "@/lib/data/newsroom-settings";
import { mediaViewSelect, toMediaView, type StoryArticleView } from "@/lib/data/public-shared";
import { effectiveStatus } from "@/lib/editor/workflow";

export type StoryPreview = { id: string; status: StoryStatus; article: StoryArticleView };

// Any story, published or not, for the staff preview: only signed-in staff get here (checked below).
// It comes back in the public renderer's own shape, so the preview draws it exactly as readers will see it.
export async function getStoryPreview(actor: Actor | null, id: string): Promise<StoryPreview | null> {
  const staff = requireStaff(actor);
  const story = await db.story.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      dek: true,
      body: true,
      byline: true,
      source: true,
      status: true,
      publishedAt: true,
      correction: true,
      correctedAt: true,
      authorId: true,
      editorOfRecord: { select: { name: true } },
      section: { select: { slug: true, name: true } },
      tags: { select: { tag: { select: { slug: true, name: true } } }, orderBy: { tag: { name: "asc" } } },
      leadMedia: { select: mediaViewSelect },
      roundupItems: { select: { rank: true, roundup: { select: { slug: true, title: true } } }, take: 1 },
    },
  });
  if (!story || !(await canReadStory(staff, story))) return null;
  return {
    id: story.id,
    status: effectiveStatus(story.status, story.publishedAt),
    article: {
      title: story.title,
      dek: story.dek,
      body: story.body,
      byline: story.byline,
      source: story.source,
      editorOfRecord: story.editorOfRecord?.name ?? null,
      publishedAt: story.publishedAt?.toISOString() ?? null,
      correction: story.correction,
      correctedAt: story.correctedAt?.toISOString() ?? null,
      section: story.section,
      tags: story.tags.map((t) => t.tag),
      leadMedia: story.leadMedia ? toMediaView(story.leadMedia) : null,
      placement: story.roundupItems[0] ?? null,
      shareUrl: null,
    },
  };
}
