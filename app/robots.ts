import type { MetadataRoute } from "next";
import { absoluteUrl } from "@/lib/seo";

// Answered per request: the sitemap link must carry the running site's own address (SITE_URL).
export const dynamic = "force-dynamic";

// Readers' pages are open to crawlers; the staff areas and search result pages are not.
export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: ["/editor", "/admin", "/login", "/api/", "/search"] }],
    sitemap: absoluteUrl("/sitemap.xml"),
  };
}
