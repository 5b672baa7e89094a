import { MediaImage } from "@/components/site/media-image";
import type { MediaView } from "@/lib/data/public-shared";

/**
 * A story's lead photo with its caption and credit. A photo known only by caption and credit (no
 * file, e.g. carried over from a print page) shows nothing: a caption under no picture reads as broken.
 */
export function LeadFigure({ media }: { media: MediaView }) {
  if (!media.storageKey) return null;
  const caption = [media.caption, media.credit].filter(Boolean).join(" ");
  return (
    <figure className="lead-figure">
      <MediaImage media={media} sizes="full" />
      {caption ? (
        <figcaption>
          {media.caption} {media.credit ? <span className="credit">{media.credit}</span> : null}
        </figcaption>
      ) : null}
    </figure>
  );
}
