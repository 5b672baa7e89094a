import type { Metadata } from "next";
import { ListingPage, listingMetadata, parsePageNumber } from "@/components/site/listing-page";

export const revalidate = 86400;
export function generateStaticParams(): { slug: string; n: string }[] {
  return [];
}

type Props = { params: Promise<{ slug: string; n: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, n } = await params;
  return listingMetadata("sections", slug, parsePageNumber(n));
}

export default async function LaterPage({ params }: Props) {
  const { slug, n } = await params;
  return <ListingPage kind="sections" rawSlug={slug} page={parsePageNumber(n)} />;
}
