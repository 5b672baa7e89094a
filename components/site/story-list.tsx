import Link from "next/link";
import { MediaImage } from "@/components/site/media-image";
import type { StorySummary } from "@/lib/data/public-shared";
import { formatDate } from "@/lib/format";

/** Published stories as a list: headline, summary, date and section, a thumbnail where there is a photo. */
export function StoryList({ stories, showSection = true }: { stories: StorySummary[]; showSection?: boolean }) {
  return (
    <ul className="story-list">
      {stories.map((story) => (
        <li key={story.slug}>
          <div>
            <h3>
              <Link href={`/stories/${story.slug}`}>{story.title}</Link>
            </h3>
            {story.dek ? <p>{story.dek}</p> : null}
            <p className="muted">
              <time dateTime={story.publishedAt}>{formatDate(story.publishedAt)}</time>
              {showSection && story.section ? (
                <>
                  {" · "}
                  <Link href={`/sections/${story.section.slug}`}>{story.section.name}</Link>
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
