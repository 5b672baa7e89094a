import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { readSelection, readSelectionTotals } from "@/lib/cache/public-reads";
import { formatDateTime } from "@/lib/format";
import { ballotErrorText } from "@/lib/selection/ballot-errors";
import { newFormToken } from "@/lib/selection/tokens";
import { TEMPLATE_UNTIL_ATTRIBUTE } from "@/lib/selection/voting-template.mjs";
import { nextWindowChange, windowState } from "@/lib/selection/window";
import { decodeSegment, describe, pageMetadata } from "@/lib/seo";
import "@/components/selection/selection.css";

// The public voting page. Rendered per request: each render carries a fresh signed form token (the
// ballot's idempotency key), and the window state comes from the clock, so opening and closing need
// nothing but time. The selection and its totals are cached reads, tagged (lib/cache/public-reads.ts).
// A plain form posting to ./vote: it works without JavaScript.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ error?: string; picked?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const selection = await readSelection(decodeSegment((await params).slug));
  if (!selection) return { title: "找不到这个评选" };
  return pageMetadata({ title: selection.title, description: describe(selection.intro || `${selection.year}年${selection.title}：读者投票。`), path: `/selections/${selection.slug}` });
}

export default async function SelectionPage({ params, searchParams }: Props) {
  const slug = decodeSegment((await params).slug);
  const { error, picked = "" } = await searchParams;
  const selection = await readSelection(slug);
  if (!selection) notFound();
  const times = { opensAt: new Date(selection.opensAt), closesAt: new Date(selection.closesAt) };
  const now = new Date();
  const state = windowState(times, now);
  const totals = selection.resultsPublic && state !== "upcoming" ? await readSelectionTotals(slug) : null;
  const message = ballotErrorText(error, selection.maxChoices);
  const checked = new Set(picked.split(","));
  // A plain view (no message, nothing ticked) may be served again by the front door, with a fresh
  // token, until the window next changes (lib/selection/voting-template.mjs); the attribute says until when.
  const template = !message && picked === "" ? { [TEMPLATE_UNTIL_ATTRIBUTE]: String(nextWindowChange(times, now)?.getTime() ?? "never") } : {};

  return (
    <article className="selection-page" {...template}>
      <h1>{selection.title}</h1>
      {selection.intro ? <p>{selection.intro}</p> : null}
      <p className="muted">
        投票时间：{formatDateTime(selection.opensAt)} — {formatDateTime(selection.closesAt)}（北京时间）
      </p>
      {message ? (
        <p className="ballot-error" role="alert">
          {message}
        </p>
      ) : null}
      {state === "upcoming" ? <p className="ballot-notice">投票尚未开始，将于 {formatDateTime(selection.opensAt)} 开始。</p> : null}
      {state === "closed" ? <p className="ballot-notice">投票已经结束，感谢关注。</p> : null}
      {state === "open" ? (
        <form className="ballot-form" method="post" action={`/selections/${encodeURIComponent(selection.slug)}/vote`}>
          <input type="hidden" name="token" value={newFormToken(selection.id)} />
          <fieldset className="ballot-choices">
            <legend>
              请选择你心目中的入选项，最多 <strong>{selection.maxChoices}</strong> 项：
            </legend>
            {selection.candidates.map((candidate) => (
              <label key={candidate.id} className="ballot-choice">
                <input type="checkbox" name="choice" value={candidate.id} defaultChecked={checked.has(candidate.id)} />
                <span>
                  {candidate.position}. {candidate.title}
                  {candidate.storySlug ? (
                    <>
                      {" "}
                      <a href={`/stories/${candidate.storySlug}`}>阅读报道</a>
                    </>
                  ) : null}
                </span>
                {candidate.description ? <p className="description">{candidate.description}</p> : null}
              </label>
            ))}
          </fieldset>
          <p className="muted">每位读者只能投一次，提交后不能修改。</p>
          <div>
            <button className="button" type="submit">
              提交投票
            </button>
          </div>
        </form>
      ) : null}
      {totals ? (
        <section aria-labelledby="totals-heading">
          <h2 id="totals-heading">当前票数</h2>
          <p className="muted">共 {totals.ballots} 张选票，几秒钟更新一次。</p>
          <ol className="candidate-list">
            {selection.candidates
              .map((candidate) => ({ ...candidate, votes: totals.counts[candidate.id] ?? 0 }))
              .sort((a, b) => b.votes - a.votes || a.position - b.position)
              .map((candidate) => (
                <li key={candidate.id}>
                  {candidate.title}：<strong>{candidate.votes}</strong> 票{" "}
                  <span className="bar" style={{ width: `${totals.ballots ? Math.round((100 * candidate.votes) / totals.ballots) : 0}%`, maxWidth: "10rem" }} aria-hidden="true" />
                </li>
              ))}
          </ol>
        </section>
      ) : null}
    </article>
  );
}
