import { MediaImage } from "@/components/site/media-image";
import type { StorySummary } from "@/lib/data/public-shared";
import { formatDate } from "@/lib/format";

/** Published stories as a list: headline, summary, date and section, a thumbnail where there is a photo. */
export function StoryList({ stories, showSection = true, headingLevel = 3 }: { stories: StorySummary[]; showSection?: boolean; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ul className="story-list">
      {stories.map((story) => (
        <li key={story.slug}>
          <div>
            <Heading>
              <a href={`/stories/${story.slug}`}>{story.title}</a>
            </Heading>
            {story.dek ? <p>{story.dek}</p> : null}
            <p className="muted">
              <time dateTime={story.publishedAt}>{formatDate(story.publishedAt)}</time>
              {showSection && story.section ? (
                <>
                  {" · "}
                  <a href={`/sections/${story.section.slug}`}>{story.section.name}</a>
                </>
              ) : null}
            </p>
          </div>
          {story.leadMedia?.storageKey ? <MediaImage media={story.leadMedia} className="thumb" sizes="thumb" /> : null}
        </li>
      ))}
    </ul>
  );
}
