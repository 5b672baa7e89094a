import { MediaImage } from "@/components/site/media-image";
import type { RankedSlot } from "@/lib/data/public";

const WITHDRAWN_LABEL = "该条目已撤下";

/** A roundup's ranks in order; a withdrawn rank keeps its number and says so, so no rank silently disappears. */
export function RankedList({ items, ordering, headingLevel = 3 }: { items: RankedSlot[]; ordering: "RANK" | "DATE"; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const rankLabel = (rank: number) => (ordering === "RANK" ? `第${rank}名` : `第${rank}条`);
  return (
    <ol className="ranked-list" aria-label="榜单条目">
      {items.map((item) =>
        item.withdrawn ? (
          <li key={`withdrawn-${item.rank}`} className="ranked-item ranked-item-withdrawn">
            <span className="rank-badge" aria-label={rankLabel(item.rank)}>
              {item.rank}
            </span>
            <p className="muted">{WITHDRAWN_LABEL}</p>
          </li>
        ) : (
          <li key={item.slug} className="ranked-item">
            <span className="rank-badge" aria-label={rankLabel(item.rank)}>
              {item.rank}
            </span>
            <div>
              <Heading>
                <a href={item.href ?? `/stories/${item.slug}`}>{item.title}</a>
              </Heading>
              {item.dek ? <p>{item.dek}</p> : null}
              {item.figures ? (
                <p className="muted selection-figures">
                  读者票数 {item.figures.votes === null ? "—" : item.figures.votes.toLocaleString("zh-CN")} / 评委评分 {item.figures.juryMean === null ? "—" : item.figures.juryMean}
                </p>
              ) : null}
            </div>
            {item.leadMedia?.storageKey ? <MediaImage media={item.leadMedia} className="thumb" sizes="thumb" /> : null}
          </li>
        ),
      )}
    </ol>
  );
}
