import type { Metadata } from "next";
import { JsonLd } from "@/components/site/json-ld";
import { NotFoundHere } from "@/components/site/not-found-here";
import { RoundupArticle } from "@/components/site/roundup-article";
import { readRoundup } from "@/lib/cache/public-reads";
import { roundupJsonLd } from "@/lib/json-ld";
import { describe, pageMetadata, decodeSegment } from "@/lib/seo";

export const revalidate = 86400;
export function generateStaticParams(): { slug: string }[] {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

async function load(params: Props["params"]) {
  const { slug } = await params;
  return readRoundup(decodeSegment(slug));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const roundup = await load(params);
  if (!roundup) return { title: "找不到这个榜单" };
  return pageMetadata({
    title: roundup.title,
    description: describe(roundup.intro || `${roundup.year}年${roundup.title}，共${roundup.items.filter((item) => !item.withdrawn).length}条。`),
    path: `/roundups/${roundup.slug}`,
  });
}

export default async function RoundupPage({ params }: Props) {
  const roundup = await load(params);
  if (!roundup) return <NotFoundHere />;
  return (
    <>
      <RoundupArticle roundup={roundup} />
      <JsonLd data={roundupJsonLd(roundup)} />
    </>
  );
}
