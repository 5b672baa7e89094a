import Link from "next/link";
import type { RankedStory } from "@/lib/data/public";

export function RankedList({ items, ordering }: { items: RankedStory[]; ordering: "RANK" | "DATE" }) {
  return (
    <ol className="ranked-list">
      {items.map((item) => (
        <li key={item.slug} className="ranked-item">
          <span className="rank-badge" aria-label={ordering === "RANK" ? `第${item.rank}名` : `第${item.rank}条`}>
            {item.rank}
          </span>
          <div>
            <h3>
              <Link href={`/stories/${item.slug}`}>{item.title}</Link>
            </h3>
            {item.dek ? <p>{item.dek}</p> : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
