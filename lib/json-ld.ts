import type { RoundupView } from "@/lib/data/public";
import type { StoryView } from "@/lib/data/public-stories";
import { markdownToPlainText } from "@/lib/markdown";
import { SITE_NAME, absoluteUrl, describe } from "@/lib/seo";

/** schema.org ItemList of a roundup's stories, in rank order with their positions. */
export function roundupJsonLd(roundup: RoundupView): Record<string, unknown> {
  const shown = roundup.items.filter((item) => !item.withdrawn);
  return {
    "@context": "https://schema.org",
    "@type": "ItemList",
    name: roundup.title,
    url: absoluteUrl(`/roundups/${roundup.slug}`),
    itemListOrder: roundup.ordering === "RANK" ? "https://schema.org/ItemListOrderAscending" : "https://schema.org/ItemListUnordered",
    numberOfItems: shown.length,
    // A withdrawn rank is left out, and the others keep their rank as their position.
    itemListElement: shown.map((item) => ({
      "@type": "ListItem",
      position: item.rank,
      name: item.title,
      url: absoluteUrl(`/stories/${item.slug}`),
    })),
  };
}

/**
 * schema.org NewsArticle of a story page. The byline is the author as printed (it may name several
 * people or a desk, it is one Person named as printed); 来源 is the source organization and 责任编辑
 * the editor.
 */
export function storyJsonLd(story: StoryView): Record<string, unknown> {
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: story.title,
    description: describe(story.dek || markdownToPlainText(story.body)),
    datePublished: story.publishedAt,
    dateModified: story.correctedAt ?? story.updatedAt,
    inLanguage: "zh-CN",
    mainEntityOfPage: absoluteUrl(`/stories/${story.slug}`),
    ...(story.byline ? { author: { "@type": "Person", name: story.byline } } : {}),
    ...(story.editorOfRecord ? { editor: { "@type": "Person", name: story.editorOfRecord } } : {}),
    ...(story.source ? { sourceOrganization: { "@type": "Organization", name: story.source } } : {}),
    publisher: { "@type": "Organization", name: SITE_NAME },
    ...(story.section ? { articleSection: story.section.name } : {}),
    ...(story.tags.length > 0 ? { keywords: story.tags.map((tag) => tag.name).join(",") } : {}),
    ...(story.leadMedia?.storageKey ? { image: absoluteUrl(`/media/${encodeURIComponent(story.leadMedia.storageKey)}`) } : {}),
  };
}
