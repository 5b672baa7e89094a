import type { Metadata } from "next";
import { permanentRedirect } from "next/navigation";
import { JsonLd } from "@/components/site/json-ld";
import { NotFoundHere } from "@/components/site/not-found-here";
import { RoundupNeighbours } from "@/components/site/roundup-neighbours";
import { StoryArticle } from "@/components/site/story-article";
import { StoryList } from "@/components/site/story-list";
import { readRelated, readStory } from "@/lib/cache/public-reads";
import { storyJsonLd } from "@/lib/json-ld";
import { markdownToPlainText } from "@/lib/markdown";
import { absoluteUrl, describe, pageMetadata, decodeSegment } from "@/lib/seo";

const RELATED_COUNT = 5;

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
  const related = await readRelated(
    story.slug,
    story.section?.slug ?? null,
    story.tags.map((tag) => tag.slug),
    RELATED_COUNT,
  );

  return (
    <StoryArticle story={{ ...story, placement: story.placements[0] ?? null, shareUrl: absoluteUrl(`/stories/${story.slug}`) }}>
      {story.placements.map((p) => (
        <RoundupNeighbours key={p.roundup.slug} roundup={p.roundup} rank={p.rank} />
      ))}
      {related.length > 0 ? (
        <section className="related" aria-labelledby="related-title">
          <h2 id="related-title">相关报道</h2>
          <StoryList stories={related} />
        </section>
      ) : null}
      <JsonLd data={storyJsonLd(story)} />
    </StoryArticle>
  );
}
