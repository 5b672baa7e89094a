import type { MetadataRoute } from "next";
import { readSitemapData } from "@/lib/cache/public-reads";
import { absoluteUrl } from "@/lib/seo";

// Every published story and roundup, every section, and tags that list something. Cached and
// expired with the "sitemap" tag.
export const revalidate = 86400;

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const data = await readSitemapData();
  return [
    { url: absoluteUrl("/"), changeFrequency: "hourly", priority: 1 },
    { url: absoluteUrl("/roundups"), changeFrequency: "weekly", priority: 0.6 },
    ...data.roundups.map((r) => ({ url: absoluteUrl(`/roundups/${r.slug}`), lastModified: r.updatedAt, priority: 0.9 })),
    ...data.stories.map((s) => ({ url: absoluteUrl(`/stories/${s.slug}`), lastModified: s.updatedAt, priority: 0.8 })),
    ...data.sections.map((s) => ({ url: absoluteUrl(`/sections/${s.slug}`), changeFrequency: "daily" as const, priority: 0.5 })),
    ...data.tags.map((t) => ({ url: absoluteUrl(`/tags/${t.slug}`), changeFrequency: "weekly" as const, priority: 0.3 })),
  ];
}
