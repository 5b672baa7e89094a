import type { Metadata } from "next";
import { JsonLd } from "@/components/site/json-ld";
import { RankedList } from "@/components/site/ranked-list";
import { StoryList } from "@/components/site/story-list";
import { readHomeRoundup, readLatestStories, readPinnedStories } from "@/lib/cache/public-reads";
import { roundupJsonLd } from "@/lib/json-ld";
import { SITE_DESCRIPTION, pageMetadata } from "@/lib/seo";
import { selectedBy } from "@/lib/format";

// Cached until a change expires its tags (see lib/cache/public-reads.ts); a day at most.
export const revalidate = 86400;

export const metadata: Metadata = pageMetadata({ description: SITE_DESCRIPTION, path: "/" });

export default async function HomePage() {
  const [roundup, pinned, latest] = await Promise.all([readHomeRoundup(), readPinnedStories(), readLatestStories(8)]);
  return (
    <>
      {roundup ? (
        <section className="home-roundup" aria-labelledby="roundup-title">
          <div className="roundup-head">
            <p className="kicker">{roundup.publisher ? selectedBy(roundup.publisher) : `${roundup.year}年度榜单`}</p>
            <h1 id="roundup-title">{roundup.title}</h1>
            {roundup.intro ? <p className="muted">{roundup.intro}</p> : null}
          </div>
          <RankedList items={roundup.items} ordering={roundup.ordering} headingLevel={2} />
          <p>
            <a href={`/roundups/${roundup.slug}`}>查看完整榜单</a> · <a href="/roundups">往年榜单</a>
          </p>
          <JsonLd data={roundupJsonLd(roundup)} />
        </section>
      ) : (
        <h1>暂无已发布的榜单</h1>
      )}
      {pinned.length > 0 ? (
        <section aria-labelledby="pinned-title">
          <h2 id="pinned-title">编辑推荐</h2>
          <StoryList stories={pinned} />
        </section>
      ) : null}
      <section aria-labelledby="latest-title">
        <h2 id="latest-title">最新报道</h2>
        {latest.length === 0 ? <p className="muted">还没有已发布的报道。</p> : <StoryList stories={latest} />}
      </section>
    </>
  );
}
