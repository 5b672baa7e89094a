import type { Prisma } from "@/generated/prisma/client";
import { parseVariants, type ImageVariant } from "@/lib/media/variants";

// Shapes shared by the public reads. Every date is an ISO string: public reads are cached as JSON,
// and a cached copy must look exactly like a fresh one.

/** A photo as pages show it: the file's size and its WebP variants make the srcset and reserve its space. */
export type MediaView = { alt: string; caption: string; credit: string; storageKey: string | null; width: number | null; height: number | null; variants: ImageVariant[] };

export type StorySummary = {
  slug: string;
  title: string;
  dek: string;
  publishedAt: string;
  section: { slug: string; name: string } | null;
  leadMedia: MediaView | null;
};

/** What the one story renderer (components/site/story-article.tsx) draws: the public page, the staff preview and the editor's live preview. */
export type StoryArticleView = {
  title: string;
  dek: string;
  /** Markdown, rendered by the same sanitizing renderer everywhere. */
  body: string;
  /** The story's own byline ("本报记者 邹乃硕"); nothing is shown when it is empty. */
  byline: string;
  /** 来源 ("吉林日报"); "" when not given. */
  source: string;
  /** 责任编辑's name; null when there is none yet. */
  editorOfRecord: string | null;
  /** ISO time it went (or goes) live; null for a story never published (the previews). */
  publishedAt: string | null;
  correction: string | null;
  correctedAt: string | null;
  section: { slug: string; name: string } | null;
  /** slug null: a tag not created yet (the editor's live preview), shown without a link. */
  tags: { slug: string | null; name: string }[];
  leadMedia: MediaView | null;
  /** Its place in a roundup, shown above the headline. */
  placement: { rank: number; roundup: { slug: string; title: string } } | null;
  /** The public address, for the share links; null where sharing makes no sense (previews). */
  shareUrl: string | null;
};

/** A roundup's lead photo as readers get it: only with an image file; alt, caption and credit are the roundup's own. */
export type RoundupLeadView = MediaView;

export const roundupLeadSelect = {
  leadAlt: true,
  leadCaption: true,
  leadCredit: true,
  leadMedia: { select: { alt: true, storageKey: true, width: true, height: true, variants: true } },
} as const satisfies Prisma.RoundupSelect;

type RoundupLeadRow = {
  leadAlt: string;
  leadCaption: string;
  leadCredit: string;
  leadMedia: { alt: string; storageKey: string | null; width: number | null; height: number | null; variants: unknown } | null;
};

/** Null without an image file, so a caption from an import is never shown on its own. */
export function toRoundupLead(row: RoundupLeadRow): RoundupLeadView | null {
  if (!row.leadMedia?.storageKey) return null;
  const { storageKey, width, height, variants } = row.leadMedia;
  return { storageKey, width, height, variants: parseVariants(variants), alt: row.leadAlt || row.leadMedia.alt, caption: row.leadCaption, credit: row.leadCredit };
}

export type Page<T> = { items: T[]; page: number; pageCount: number; total: number };

export const PAGE_SIZE = 10;

export const mediaViewSelect = { alt: true, caption: true, credit: true, storageKey: true, width: true, height: true, variants: true } as const satisfies Prisma.MediaSelect;

export const summarySelect = {
  slug: true,
  title: true,
  dek: true,
  publishedAt: true,
  section: { select: { slug: true, name: true } },
  leadMedia: { select: mediaViewSelect },
} as const satisfies Prisma.StorySelect;

type MediaRow = Omit<MediaView, "variants"> & { variants: unknown };
type SummaryRow = Omit<StorySummary, "publishedAt" | "leadMedia"> & { publishedAt: Date | null; leadMedia: MediaRow | null };

export function toMediaView(media: MediaRow): MediaView {
  return { ...media, variants: parseVariants(media.variants) };
}

export function toSummary(story: SummaryRow): StorySummary {
  // publishedAt is never null here: the published filter requires it.
  return {
    slug: story.slug,
    title: story.title,
    dek: story.dek,
    publishedAt: (story.publishedAt ?? new Date(0)).toISOString(),
    section: story.section,
    leadMedia: story.leadMedia ? toMediaView(story.leadMedia) : null,
  };
}

/** A 1-based page number clamped to what exists, and the rows to skip for it. */
export function pageWindow(requested: number, total: number, size = PAGE_SIZE): { page: number; pageCount: number; skip: number } {
  const pageCount = Math.max(1, Math.ceil(total / size));
  const page = Number.isInteger(requested) && requested >= 1 ? requested : 1;
  return { page, pageCount, skip: (page - 1) * size };
}
