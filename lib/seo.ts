import type { Metadata } from "next";
import { getSiteUrl } from "@/lib/env";

export const SITE_NAME = "Roundup 新闻";
export const SITE_DESCRIPTION = "Roundup 新闻：年度十大新闻榜单与深度报道。";

/** An absolute URL on this site (feeds, sitemap and JSON-LD need absolute links). */
export function absoluteUrl(path: string): string {
  return `${getSiteUrl()}${path}`;
}

/** Title, description, canonical URL and Open Graph tags for a public page. */
export function pageMetadata(options: { title?: string; description: string; path: string; type?: "website" | "article"; publishedTime?: string; noIndex?: boolean }): Metadata {
  return {
    ...(options.title ? { title: options.title } : {}),
    description: options.description,
    alternates: { canonical: options.path },
    openGraph: {
      type: options.type ?? "website",
      siteName: SITE_NAME,
      locale: "zh_CN",
      title: options.title ?? SITE_NAME,
      description: options.description,
      url: options.path,
      ...(options.publishedTime ? { publishedTime: options.publishedTime } : {}),
    },
    ...(options.noIndex ? { robots: { index: false, follow: true } } : {}),
  };
}

/** A one-line description from longer text. */
export function describe(text: string, fallback = SITE_DESCRIPTION): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (!clean) return fallback;
  return clean.length > 120 ? `${clean.slice(0, 119)}…` : clean;
}

/** A URL segment decoded once; a malformed escape is kept as typed (it then simply finds nothing). */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
