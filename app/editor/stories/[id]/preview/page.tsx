import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/guards";
import { getStoryPreview } from "@/lib/data/story-preview";
import { STATUS_LABELS } from "@/lib/editor/workflow";
import { formatDate } from "@/lib/format";
import { renderMarkdown } from "@/lib/markdown";

export const metadata: Metadata = { title: "预览", robots: { index: false, follow: false } };

type Props = { params: Promise<{ id: string }> };

// The same markup, classes and Markdown renderer as the public story page, so what staff see here is
// what readers will see; the banner above the article is the only addition.
export default async function PreviewPage({ params }: Props) {
  const { id } = await params;
  const user = await requireUser(`/editor/stories/${id}/preview`);
  const story = await getStoryPreview(user, id);
  if (!story) notFound();
  const date = story.publishedAt ?? new Date();

  return (
    <>
      <p className="preview-banner" role="note">
        预览（{STATUS_LABELS[story.status]}）：读者还看不到未发布的内容。 <Link href={`/editor/stories/${story.id}`}>返回编辑</Link>
      </p>
      <article className="story">
        {story.placement ? (
          <p className="kicker">
            <span className="rank-badge" aria-hidden="true">
              {story.placement.rank}
            </span>{" "}
            {story.placement.roundup.title} · 第{story.placement.rank}名
          </p>
        ) : null}
        <h1>{story.title}</h1>
        {story.dek ? <p className="dek">{story.dek}</p> : null}
        <p className="meta">
          <span>{story.byline || story.authorName}</span>
          <time dateTime={date.toISOString()}>{formatDate(date)}</time>
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
            {story.leadMedia.storageKey && story.leadMedia.width && story.leadMedia.height ? (
              // eslint-disable-next-line @next/next/no-img-element -- uploads are already resized by sharp; served by /media
              <img src={`/media/${story.leadMedia.storageKey}`} alt={story.leadMedia.alt} width={story.leadMedia.width} height={story.leadMedia.height} />
            ) : (
              <div className="photo-placeholder muted">（图片：{story.leadMedia.alt}）</div>
            )}
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
      </article>
    </>
  );
}
