import { preload } from "react-dom";
import type { MediaView } from "@/lib/data/public-shared";

// The slot each kind of image fills, as globals.css lays it out: the browser picks the smallest
// WebP variant that covers it at the screen's pixel density.
const SIZES = {
  thumb: "(max-width: 30rem) 4.5rem, 6rem",
  full: "(min-width: 48rem) 46rem, calc(100vw - 2rem)",
} as const;

const mediaUrl = (key: string) => `/media/${encodeURIComponent(key)}`;

/**
 * The photo file of a media row (nothing when only its caption and credit are known), offered as
 * its 480/720/960/1600 WebP variants plus the original, with its size so the page doesn't jump as it
 * loads. `priority` marks the page's main photo (its largest paint): fetched first and preloaded.
 */
export function MediaImage({ media, className, sizes, priority = false }: { media: MediaView; className?: string; sizes: keyof typeof SIZES; priority?: boolean }) {
  if (!media.storageKey) return null;
  const candidates = [...media.variants].sort((a, b) => a.width - b.width);
  if (media.width) candidates.push({ key: media.storageKey, width: media.width, height: media.height ?? 0 });
  const srcSet = candidates.length > 1 ? candidates.map((c) => `${mediaUrl(c.key)} ${c.width}w`).join(", ") : undefined;
  // For browsers without srcset: a mid-sized variant, else the original.
  const fallback = candidates.find((c) => c.width >= 960 && c.key !== media.storageKey) ?? media.variants.at(-1);
  const src = mediaUrl(fallback?.key ?? media.storageKey);
  if (priority) preload(src, { as: "image", fetchPriority: "high", ...(srcSet ? { imageSrcSet: srcSet, imageSizes: SIZES[sizes] } : {}) });
  return (
    // Uploaded files are served as they are from /media with their own variants; Next's image
    // optimizer is not set up for them.
    // eslint-disable-next-line @next/next/no-img-element
    <img
      className={className}
      src={src}
      srcSet={srcSet}
      sizes={srcSet ? SIZES[sizes] : undefined}
      width={media.width ?? undefined}
      height={media.height ?? undefined}
      alt={media.alt}
      loading={priority ? "eager" : "lazy"}
      fetchPriority={priority ? "high" : undefined}
      decoding={priority ? undefined : "async"}
    />
  );
}
