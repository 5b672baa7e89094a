import { MediaImage } from "@/components/site/media-image";
import type { MediaView } from "@/lib/data/public-shared";

/**
 * A story's lead photo with its caption and credit. A lead known only by caption and credit (no file,
 * e.g. carried over from a print page) shows nothing: a credit for a photo the reader can't see misleads.
 */
export function LeadFigure({ media }: { media: MediaView }) {
  if (!media.storageKey) return null;
  return (
    <figure className="lead-figure">
      <MediaImage media={media} sizes="full" priority />
      {media.caption || media.credit ? (
        <figcaption>
          {media.caption} {media.credit ? <span className="credit">{media.credit}</span> : null}
        </figcaption>
      ) : null}
    </figure>
  );
}
