import { LeadFigure } from "@/components/site/lead-figure";
import { RankedList } from "@/components/site/ranked-list";
import type { RoundupView } from "@/lib/data/public";
import { selectedBy } from "@/lib/format";

/** A roundup as readers see it: the public page and the staff preview both render this. */
export function RoundupArticle({ roundup }: { roundup: RoundupView }) {
  return (
    <article>
      <div className="roundup-head">
        <p className="kicker">
          <a href="/roundups">{roundup.year}年</a>
          {roundup.publisher ? ` · ${selectedBy(roundup.publisher)}` : null}
        </p>
        <h1>{roundup.title}</h1>
        {roundup.intro ? <p className="muted">{roundup.intro}</p> : null}
      </div>
      {roundup.lead ? <LeadFigure media={roundup.lead} /> : null}
      {roundup.items.every((item) => item.withdrawn) ? <p className="muted">这个榜单还没有已发布的报道。</p> : <RankedList items={roundup.items} ordering={roundup.ordering} headingLevel={2} />}
      {roundup.outro ? <p className="muted roundup-outro">{roundup.outro}</p> : null}
    </article>
  );
}
