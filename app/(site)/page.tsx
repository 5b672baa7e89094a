import Link from "next/link";
import { RankedList } from "@/components/site/ranked-list";
import { getLatestRoundup, getLatestStories } from "@/lib/data/public";
import { formatDate } from "@/lib/format";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const [roundup, latest] = await Promise.all([getLatestRoundup(), getLatestStories(8)]);
  return (
    <>
      {roundup ? (
        <section aria-labelledby="roundup-title">
          <div className="roundup-head">
            <p className="kicker">{roundup.publisher ? `${roundup.publisher}选出` : `${roundup.year}年度榜单`}</p>
            <h1 id="roundup-title">{roundup.title}</h1>
            {roundup.intro ? <p className="muted">{roundup.intro}</p> : null}
          </div>
          <RankedList items={roundup.items} ordering={roundup.ordering} />
        </section>
      ) : (
        <h1>暂无已发布的榜单</h1>
      )}
      <section aria-labelledby="latest-title">
        <h2 id="latest-title">最新报道</h2>
        {latest.length === 0 ? (
          <p className="muted">还没有已发布的报道。</p>
        ) : (
          <ul className="story-list">
            {latest.map((story) => (
              <li key={story.slug}>
                <Link href={`/stories/${story.slug}`}>{story.title}</Link>
                <div className="muted">
                  <time dateTime={story.publishedAt.toISOString()}>{formatDate(story.publishedAt)}</time>
                  {story.section ? ` · ${story.section.name}` : null}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
