import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { JsonLd } from "@/components/site/json-ld";
import { RankedList } from "@/components/site/ranked-list";
import { readRoundup } from "@/lib/cache/public-reads";
import { roundupJsonLd } from "@/lib/json-ld";
import { describe, pageMetadata, decodeSegment } from "@/lib/seo";
import { selectedBy } from "@/lib/format";

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
  if (!roundup) notFound();
  return (
    <article>
      <div className="roundup-head">
        <p className="kicker">
          <Link href="/roundups">{roundup.year}年</Link>
          {roundup.publisher ? ` · ${selectedBy(roundup.publisher)}` : null}
        </p>
        <h1>{roundup.title}</h1>
        {roundup.intro ? <p className="muted">{roundup.intro}</p> : null}
      </div>
      {roundup.items.every((item) => item.withdrawn) ? <p className="muted">这个榜单还没有已发布的报道。</p> : <RankedList items={roundup.items} ordering={roundup.ordering} headingLevel={2} />}
      {roundup.outro ? <p className="muted roundup-outro">{roundup.outro}</p> : null}
      <JsonLd data={roundupJsonLd(roundup)} />
    </article>
  );
}
