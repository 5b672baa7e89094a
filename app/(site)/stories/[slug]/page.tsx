import type { Metadata } from "next";
import { permanentRedirect } from "next/navigation";
import { JsonLd } from "@/components/site/json-ld";
import { LeadFigure } from "@/components/site/lead-figure";
import { NotFoundHere } from "@/components/site/not-found-here";
import { RoundupNeighbours } from "@/components/site/roundup-neighbours";
import { readStory } from "@/lib/cache/public-reads";
import { formatDate } from "@/lib/format";
import { storyJsonLd } from "@/lib/json-ld";
import { markdownToPlainText, renderMarkdown } from "@/lib/markdown";
import { describe, pageMetadata, decodeSegment } from "@/lib/seo";

// Rendered on first request and cached until the story's tags expire; nothing is rendered at build.
export const revalidate = 86400;
export function generateStaticParams(): { slug: string }[] {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

async function load(params: Props["params"]) {
  const { slug } = await params;
  return readStory(decodeSegment(slug));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await load(params);
  if (found.kind !== "story") return { title: "找不到这篇报道" };
  const { story } = found;
  return pageMetadata({
    title: story.title,
    description: describe(story.dek || markdownToPlainText(story.body)),
    path: `/stories/${story.slug}`,
    type: "article",
    publishedTime: story.publishedAt,
  });
}

export default async function StoryPage({ params }: Props) {
  const found = await load(params);
  if (found.kind === "redirect") permanentRedirect(`/stories/${found.slug}`);
  if (found.kind === "missing") return <NotFoundHere />;
  const { story } = found;
  const placement = story.placements[0];

  return (
    <article className="story">
      {placement ? (
        <p className="kicker">
          <span className="rank-badge" aria-hidden="true">
            {placement.rank}
          </span>{" "}
          <a href={`/roundups/${placement.roundup.slug}`}>{placement.roundup.title}</a> · 第{placement.rank}名
        </p>
      ) : null}
      <h1>{story.title}</h1>
      {story.dek ? <p className="dek">{story.dek}</p> : null}
      <p className="meta">
        <span>{story.byline || story.authorName}</span>
        <span>
          发布于 <time dateTime={story.publishedAt}>{formatDate(story.publishedAt)}</time>
        </span>
        {story.correctedAt ? (
          <span>
            更正于 <time dateTime={story.correctedAt}>{formatDate(story.correctedAt)}</time>
          </span>
        ) : null}
        {story.section ? <a href={`/sections/${story.section.slug}`}>{story.section.name}</a> : null}
      </p>
      {story.correction ? (
        <aside className="correction" aria-label="更正">
          <strong>更正：</strong>
          {story.correction}
        </aside>
      ) : null}
      {story.leadMedia ? <LeadFigure media={story.leadMedia} /> : null}
      <div className="body" dangerouslySetInnerHTML={{ __html: renderMarkdown(story.body) }} />
      {story.tags.length > 0 ? (
        <ul className="tag-list" aria-label="标签">
          {story.tags.map((tag) => (
            <li key={tag.slug}>
              <a href={`/tags/${tag.slug}`}>{tag.name}</a>
            </li>
          ))}
        </ul>
      ) : null}
      {story.placements.map((p) => (
        <RoundupNeighbours key={p.roundup.slug} roundup={p.roundup} rank={p.rank} />
      ))}
      <JsonLd data={storyJsonLd(story)} />
    </article>
  );
}
