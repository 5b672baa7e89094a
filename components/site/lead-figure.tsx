import { MediaImage } from "@/components/site/media-image";
import type { MediaView } from "@/lib/data/public-shared";

/** A story's lead photo; a photo known only by caption and credit (no file) shows those alone. */
export function LeadFigure({ media }: { media: MediaView }) {
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
