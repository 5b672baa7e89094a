import type { Metadata } from "next";
import { ListingPage, listingMetadata } from "@/components/site/listing-page";

export const revalidate = 86400;
export function generateStaticParams(): { slug: string }[] {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return listingMetadata("tags", (await params).slug, 1);
}

export default async function FirstPage({ params }: Props) {
  return <ListingPage kind="tags" rawSlug={(await params).slug} page={1} />;
}
