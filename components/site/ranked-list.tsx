import Link from "next/link";
import { MediaImage } from "@/components/site/media-image";
import type { RankedStory } from "@/lib/data/public";

export function RankedList({ items, ordering, headingLevel = 3 }: { items: RankedStory[]; ordering: "RANK" | "DATE"; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ol className="ranked-list">
      {items.map((item) => (
        <li key={item.slug} className="ranked-item">
          <span className="rank-badge" aria-label={ordering === "RANK" ? `第${item.rank}名` : `第${item.rank}条`}>
            {item.rank}
          </span>
          <div>
            <Heading>
              <Link href={`/stories/${item.slug}`}>{item.title}</Link>
            </Heading>
            {item.dek ? <p>{item.dek}</p> : null}
          </div>
          {item.leadMedia?.storageKey ? <MediaImage media={item.leadMedia} className="thumb" sizes="thumb" /> : null}
        </li>
      ))}
    </ol>
  );
}
