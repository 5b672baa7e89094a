import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DiffText } from "@/components/editor/diff-text";
import { RestoreButton } from "@/components/editor/restore-button";
import { requireUser } from "@/lib/auth/guards";
import { listRevisions } from "@/lib/data/story-history";
import { getStoryForEdit } from "@/lib/data/stories";
import { listReviewDecisions } from "@/lib/data/story-notes";
import { characterDiff } from "@/lib/editor/text-diff";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "修订历史", robots: { index: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ from?: string; to?: string }> };

export default async function HistoryPage({ params, searchParams }: Props) {
  const { id } = await params;
  const search = await searchParams;
  const user = await requireUser(`/editor/stories/${id}/history`);
  const story = await getStoryForEdit(user, id);
  if (!story) notFound();
  const [revisions, decisions] = await Promise.all([listRevisions(user, id), listReviewDecisions(user, id)]);
  // Default comparison: the newest revision against the one before it.
  const to = revisions.find((r) => String(r.version) === search.to) ?? revisions[0];
  const from = revisions.find((r) => String(r.version) === search.from) ?? revisions.find((r) => to && r.version < to.version) ?? to;

  return (
    <>
      <h1>修订历史</h1>
      <p>
        《{story.title}》 · 当前第 {story.revision} 版 · <Link href={`/editor/stories/${id}`}>返回编辑</Link>
      </p>
      <ol className="revision-list" reversed>
        {revisions.map((revision) => (
          <li key={revision.id}>
            <strong>第 {revision.version} 版</strong>
            {revision.restoredFromVersion ? <span className="badge">恢复自第 {revision.restoredFromVersion} 版</span> : null} · {revision.editorName} · <time dateTime={revision.createdAt.toISOString()}>{formatDateTime(revision.createdAt)}</time> · {revision.title}
            {story.canEdit && revision.version !== story.revision ? (
              <RestoreButton storyId={id} revisionId={revision.id} version={revision.version} currentRevision={story.revision} baseVersion={story.version} title={story.title} />
            ) : null}
          </li>
        ))}
      </ol>
      {decisions.length > 0 ? (
        <section aria-labelledby="decisions-title">
          <h2 id="decisions-title">审核记录</h2>
          <ol className="revision-list" reversed>
            {decisions.map((decision) => (
              <li key={decision.id}>
                <strong>{decision.kind === "REJECT" ? "不予采用" : "退回修改"}</strong> · {decision.authorName} · <time dateTime={decision.createdAt.toISOString()}>{formatDateTime(decision.createdAt)}</time>
                <p className="thread-body">原因：{decision.body}</p>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {from && to ? (
        <section aria-labelledby="diff-title">
          <h2 id="diff-title">比较</h2>
          <form method="get" className="filters">
            <label>
              从
              <select name="from" defaultValue={from.version}>
                {revisions.map((r) => (
                  <option key={r.id} value={r.version}>
                    第 {r.version} 版
                  </option>
                ))}
              </select>
            </label>
            <label>
              到
              <select name="to" defaultValue={to.version}>
                {revisions.map((r) => (
                  <option key={r.id} value={r.version}>
                    第 {r.version} 版
                  </option>
                ))}
              </select>
            </label>
            <button className="button" type="submit">
              比较
            </button>
          </form>
          <p className="muted">
            第 {from.version} 版 → 第 {to.version} 版：<ins>新增</ins> <del>删除</del>
          </p>
          {(["title", "dek", "byline", "body"] as const).map((field) => (
            <div key={field} className="diff-field">
              <h3>{{ title: "标题", dek: "导语", byline: "署名", body: "正文" }[field]}</h3>
              <DiffText parts={characterDiff(from[field], to[field])} />
            </div>
          ))}
        </section>
      ) : (
        <p>还没有修订。</p>
      )}
    </>
  );
}
