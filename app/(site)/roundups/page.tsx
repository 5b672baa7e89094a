import type { Metadata } from "next";
import { readRoundupArchive } from "@/lib/cache/public-reads";
import { pageMetadata } from "@/lib/seo";
import { selectedBy } from "@/lib/format";

export const revalidate = 86400;

export const metadata: Metadata = pageMetadata({ title: "历年榜单", description: "按年份浏览 Roundup 新闻发布的全部年度榜单。", path: "/roundups" });

export default async function RoundupArchivePage() {
  const years = await readRoundupArchive();
  return (
    <>
      <h1>历年榜单</h1>
      {years.length === 0 ? <p className="muted">还没有已发布的榜单。</p> : null}
      {years.map((group) => (
        <section key={group.year} aria-labelledby={`year-${group.year}`}>
          <h2 id={`year-${group.year}`}>{group.year}年</h2>
          <ul className="story-list">
            {group.roundups.map((roundup) => (
              <li key={roundup.slug}>
                <div>
                  <h3>
                    <a href={`/roundups/${roundup.slug}`}>{roundup.title}</a>
                  </h3>
                  <p className="muted">
                    {roundup.publisher ? `${selectedBy(roundup.publisher)} · ` : ""}共{roundup.storyCount}条
                  </p>
                </div>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
