import "server-only";
import { requireEditor } from "@/lib/auth/guards";
import type { Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import type { RoundupView } from "@/lib/data/public";
import { roundupLeadSelect, summarySelect, toRoundupLead, toSummary } from "@/lib/data/public-shared";
import { isLive } from "@/lib/editor/workflow";

export type RoundupPreview = { view: RoundupView; id: string; published: boolean; unpublishedTitles: string[] };

/**
 * Any roundup, published or not, as readers will see it once published (publishing it publishes its
 * stories too, after a confirmation), for the staff preview. Titles link to the stories' previews.
 */
export async function getRoundupPreview(actor: Actor | null, id: string): Promise<RoundupPreview | null> {
  requireEditor(actor);
  const now = new Date();
  const roundup = await db.roundup.findUnique({
    where: { id },
    select: {
      id: true,
      slug: true,
      title: true,
      year: true,
      publisher: true,
      intro: true,
      outro: true,
      ordering: true,
      status: true,
      publishedAt: true,
      updatedAt: true,
      ...roundupLeadSelect,
      items: { orderBy: { rank: "asc" }, select: { rank: true, story: { select: { ...summarySelect, id: true, status: true } } } },
    },
  });
  if (!roundup) return null;
  const { items, status, id: roundupId, leadAlt, leadCaption, leadCredit, leadMedia, ...fields } = roundup;
  return {
    id: roundupId,
    published: status === "PUBLISHED",
    unpublishedTitles: items.filter((item) => !isLive(item.story.status, item.story.publishedAt, now)).map((item) => item.story.title),
    view: {
      ...fields,
      publishedAt: (fields.publishedAt ?? now).toISOString(),
      updatedAt: fields.updatedAt.toISOString(),
      lead: toRoundupLead({ leadAlt, leadCaption, leadCredit, leadMedia }),
      items: items.map(({ rank, story }) => ({ ...toSummary({ ...story, publishedAt: story.publishedAt ?? now }), rank, withdrawn: false, href: `/editor/stories/${story.id}/preview` })),
    },
  };
}
