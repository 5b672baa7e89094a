import type { Metadata } from "next";
import { NotFoundHere } from "@/components/site/not-found-here";
import { Pagination } from "@/components/ui/pagination";
import { StoryList } from "@/components/site/story-list";
import { readSectionListing, readTagListing } from "@/lib/cache/public-reads";
import { describe, pageMetadata, decodeSegment } from "@/lib/seo";

// Section and tag pages share one layout: /sections/<slug> (page 1) and /sections/<slug>/page/<n>,
// and the same under /tags. Pages live in the path, not the query, so every page can be cached.

export type ListingKind = "sections" | "tags";

export function parsePageNumber(raw: string): number {
  return /^[1-9][0-9]{0,3}$/.test(raw) ? Number(raw) : NaN;
}

function read(kind: ListingKind, slug: string, page: number) {
  return kind === "sections" ? readSectionListing(slug, page) : readTagListing(slug, page);
}

const hrefFor = (kind: ListingKind, slug: string) => (page: number) => (page === 1 ? `/${kind}/${slug}` : `/${kind}/${slug}/page/${page}`);

export async function listingMetadata(kind: ListingKind, rawSlug: string, page: number): Promise<Metadata> {
  const slug = decodeSegment(rawSlug);
  const listing = Number.isNaN(page) ? null : await read(kind, slug, page);
  if (!listing) return { title: "找不到这个页面" };
  const label = kind === "sections" ? `${listing.name}栏目` : `标签：${listing.name}`;
  return pageMetadata({
    title: page > 1 ? `${label}（第${page}页）` : label,
    description: describe(listing.description || `${listing.name}相关的全部已发布报道。`),
    path: hrefFor(kind, listing.slug)(page),
  });
}

export async function ListingPage({ kind, rawSlug, page }: { kind: ListingKind; rawSlug: string; page: number }) {
  const slug = decodeSegment(rawSlug);
  if (Number.isNaN(page)) return <NotFoundHere />;
  const listing = await read(kind, slug, page);
  if (!listing || (page > listing.stories.pageCount && page > 1)) return <NotFoundHere />;
  const { stories } = listing;
  return (
    <>
      <p className="kicker">{kind === "sections" ? "栏目" : "标签"}</p>
      <h1>{listing.name}</h1>
      {listing.description ? <p className="muted">{listing.description}</p> : null}
      <p className="muted">共 {stories.total} 篇报道</p>
      {stories.items.length === 0 ? <p className="muted">这里还没有已发布的报道。</p> : <StoryList stories={stories.items} showSection={kind === "tags"} headingLevel={2} />}
      <Pagination page={stories.page} pageCount={stories.pageCount} hrefFor={hrefFor(kind, listing.slug)} />
    </>
  );
}
