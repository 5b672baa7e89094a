import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { getPublishedStory } from "@/lib/data/public";
import { formatDate } from "@/lib/format";
import { renderMarkdown } from "@/lib/markdown";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const found = await getPublishedStory(decodeURIComponent(slug));
  if (found.kind !== "story") return { title: "找不到这篇报道" };
  return { title: found.story.title, description: found.story.dek };
}

export default async function StoryPage({ params }: Props) {
  const { slug } = await params;
  const found = await getPublishedStory(decodeURIComponent(slug));
  if (found.kind === "redirect") permanentRedirect(`/stories/${found.slug}`);
  if (found.kind === "missing") notFound();
  const { story } = found;
  const placement = story.placements[0];

  return (
    <article className="story">
      {placement ? (
        <p className="kicker">
          <span className="rank-badge" aria-hidden="true">
            {placement.rank}
          </span>{" "}
          {placement.roundup.title} · 第{placement.rank}名
        </p>
      ) : null}
      <h1>{story.title}</h1>
      {story.dek ? <p className="dek">{story.dek}</p> : null}
      <p className="meta">
        <span>{story.byline || story.authorName}</span>
        <time dateTime={story.publishedAt.toISOString()}>{formatDate(story.publishedAt)}</time>
        {story.section ? <span>{story.section.name}</span> : null}
      </p>
      {story.correction ? (
        <aside className="correction" aria-label="更正">
          <strong>更正{story.correctedAt ? `（${formatDate(story.correctedAt)}）` : ""}：</strong>
          {story.correction}
        </aside>
      ) : null}
      {story.leadMedia ? (
        <figure>
          {story.leadMedia.storageKey ? null : <div className="photo-placeholder muted">（图片：{story.leadMedia.alt}）</div>}
          <figcaption>
            {story.leadMedia.caption} {story.leadMedia.credit}
          </figcaption>
        </figure>
      ) : null}
      <div className="body" dangerouslySetInnerHTML={{ __html: renderMarkdown(story.body) }} />
      {story.tags.length > 0 ? (
        <ul className="tag-list" aria-label="标签">
          {story.tags.map((tag) => (
            <li key={tag.slug}>{tag.name}</li>
          ))}
        </ul>
      ) : null}
      {placement ? (
        <nav className="prev-next" aria-label={`${placement.roundup.title}中的上一条和下一条`}>
          <div>
            {placement.previous ? (
              <Link href={`/stories/${placement.previous.slug}`} rel="prev">
                ← 第{placement.previous.rank}名：{placement.previous.title}
              </Link>
            ) : null}
          </div>
          <div className="next">
            {placement.next ? (
              <Link href={`/stories/${placement.next.slug}`} rel="next">
                第{placement.next.rank}名：{placement.next.title} →
              </Link>
            ) : null}
          </div>
        </nav>
      ) : null}
    </article>
  );
}
