import type { ReactNode } from "react";
import { LeadFigure } from "@/components/site/lead-figure";
import { ShareLinks } from "@/components/site/share-links";
import type { StoryArticleView } from "@/lib/data/public-shared";
import { formatDate, formatDateTime } from "@/lib/format";
import { renderMarkdown } from "@/lib/markdown";

// The one story renderer: the public story page, the staff preview and the editor's live preview all
// draw a story through this component, so what staff see is what readers will get. It takes a plain
// view model (StoryArticleView: no database rows, no session) and uses no hooks, so it renders on the server and inside
// the client-side editor alike.

/** headingLevel 2 where the article sits inside another page (the editor's live preview). */
export function StoryArticle({ story, headingLevel = 1, children }: { story: StoryArticleView; headingLevel?: 1 | 2; children?: ReactNode }) {
  const { placement } = story;
  const Headline = headingLevel === 1 ? "h1" : "h2";
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
      <Headline className="headline">{story.title}</Headline>
      {story.dek ? <p className="dek">{story.dek}</p> : null}
      <p className="meta">
        {story.byline ? <span className="byline">{story.byline}</span> : null}
        {story.publishedAt ? (
          <time dateTime={story.publishedAt}>{formatDateTime(story.publishedAt)}</time>
        ) : (
          <span>未发布</span>
        )}
        {story.source ? <span>来源：{story.source}</span> : null}
        {story.section ? <a href={`/sections/${story.section.slug}`}>{story.section.name}</a> : null}
      </p>
      {story.correction ? (
        <aside className="correction" aria-label="更正">
          <strong>更正{story.correctedAt ? `（${formatDate(story.correctedAt)}）` : ""}：</strong>
          {story.correction}
        </aside>
      ) : null}
      {story.leadMedia ? <LeadFigure media={story.leadMedia} /> : null}
      <div className="body" dangerouslySetInnerHTML={{ __html: renderMarkdown(story.body) }} />
      {story.editorOfRecord ? <p className="editor-of-record">（责任编辑：{story.editorOfRecord}）</p> : null}
      {story.tags.length > 0 ? (
        <ul className="tag-list" aria-label="标签">
          {story.tags.map((tag) => (
            <li key={tag.name}>{tag.slug ? <a href={`/tags/${tag.slug}`}>{tag.name}</a> : tag.name}</li>
          ))}
        </ul>
      ) : null}
      {story.shareUrl ? <ShareLinks url={story.shareUrl} title={story.title} /> : null}
      {children}
    </article>
  );
}
