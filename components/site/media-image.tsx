import type { MediaView } from "@/lib/data/public-shared";

/** The photo file of a media row, or nothing when only its caption and credit are known. */
export function MediaImage({ media, className, sizes }: { media: MediaView; className?: string; sizes?: "thumb" | "full" }) {
  if (!media.storageKey) return null;
  return (
    // Uploaded files are served as they are from /media; Next's image optimizer is not set up for them.
    // eslint-disable-next-line @next/next/no-img-element
    <img
      className={className}
      src={`/media/${encodeURIComponent(media.storageKey)}`}
      alt={media.alt}
      loading={sizes === "thumb" ? "lazy" : "eager"}
      decoding="async"
    />
  );
}
