import type { Metadata } from "next";
import { NotFoundContent } from "@/components/site/not-found-content";

export const metadata: Metadata = { title: "找不到这个页面", robots: { index: false } };

// Addresses no route matches, outside the site layout.
export default function NotFound() {
  return (
    <main id="main" className="container">
      <NotFoundContent />
    </main>
  );
}
