import { createHash } from "node:crypto";
import { readFeedStories } from "@/lib/cache/public-reads";
import { markdownToPlainText } from "@/lib/markdown";
import { SITE_DESCRIPTION, SITE_NAME, absoluteUrl, describe } from "@/lib/seo";

// RSS 2.0 of the newest published stories. Cached like the pages and expired with the "feed" tag.
export const revalidate = 86400;

function xml(text: string): string {
  // Characters XML 1.0 forbids are dropped, the five special ones escaped.
  return text
    .replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

export async function GET(): Promise<Response> {
  const stories = await readFeedStories(20);
  const items = stories.map((story) => {
    const link = absoluteUrl(`/stories/${story.slug}`);
    return [
      "    <item>",
      `      <title>${xml(story.title)}</title>`,
      `      <link>${xml(link)}</link>`,
      `      <guid isPermaLink="true">${xml(link)}</guid>`,
      `      <pubDate>${new Date(story.publishedAt).toUTCString()}</pubDate>`,
      `      <description>${xml(describe(story.dek || markdownToPlainText(story.body)))}</description>`,
      ...(story.section ? [`      <category>${xml(story.section.name)}</category>`] : []),
      "    </item>",
    ].join("\n");
  });
  const body = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    "  <channel>",
    `    <title>${xml(SITE_NAME)}</title>`,
    `    <link>${xml(absoluteUrl("/"))}</link>`,
    `    <description>${xml(SITE_DESCRIPTION)}</description>`,
    "    <language>zh-CN</language>",
    `    <atom:link href="${xml(absoluteUrl("/feed.xml"))}" rel="self" type="application/rss+xml"/>`,
    ...(stories[0] ? [`    <lastBuildDate>${new Date(stories[0].publishedAt).toUTCString()}</lastBuildDate>`] : []),
    ...items,
    "  </channel>",
    "</rss>",
    "",
  ].join("\n");
  // Feed readers poll: with the ETag they ask "changed?" and the server's front door answers 304
  // until the feed is rendered anew (lib/server/front-door.mjs).
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
  return new Response(body, { headers: { "Content-Type": "application/rss+xml; charset=utf-8", ETag: etag } });
}
