import type { Metadata } from "next";
import { NotFoundContent } from "@/components/site/not-found-content";

export const metadata: Metadata = { title: "找不到这个页面", robots: { index: false } };

// Inside the site layout (header, navigation, search), for content that doesn't exist.
export default function SiteNotFound() {
  return <NotFoundContent />;
}
