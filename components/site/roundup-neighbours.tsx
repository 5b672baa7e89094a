import { readNeighbours } from "@/lib/cache/public-reads";

/** Previous and next story of a roundup around one rank (read separately: it changes with the roundup). */
export async function RoundupNeighbours({ roundup, rank }: { roundup: { slug: string; title: string }; rank: number }) {
  const { previous, next } = await readNeighbours(roundup.slug, rank);
  if (!previous && !next) return null;
  return (
    <nav className="prev-next" aria-label={`${roundup.title}中的上一条和下一条`}>
      <div>
        {previous ? (
          <a href={`/stories/${previous.slug}`} rel="prev">
            ← 第{previous.rank}名：{previous.title}
          </a>
        ) : null}
      </div>
      <div className="next">
        {next ? (
          <a href={`/stories/${next.slug}`} rel="next">
            第{next.rank}名：{next.title} →
          </a>
        ) : null}
      </div>
    </nav>
  );
}
