import type { Metadata } from "next";
import Link from "next/link";
import { StoryRows } from "@/components/editor/story-rows";
import { requireUser } from "@/lib/auth/guards";
import { getInbox, SCHEDULED_WINDOW_HOURS } from "@/lib/data/inbox";
import { getDashboard } from "@/lib/data/story-lists";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "工作台", robots: { index: false } };

export default async function EditorDashboard() {
  const user = await requireUser("/editor");
  const [dashboard, inbox] = await Promise.all([getDashboard(user), getInbox(user)]);
  return (
    <>
      <h1>工作台</h1>
      <p>
        欢迎回来，{user.name}。 <Link href="/editor/stories/new">写新报道</Link>
      </p>
      <section aria-labelledby="inbox-title" id="inbox">
        <h2 id="inbox-title">收件箱</h2>
        <div className="inbox">
          {inbox.review ? (
            <section aria-labelledby="inbox-review" id="inbox-review-panel">
              <h3 id="inbox-review">待我审核</h3>
              <StoryRows rows={inbox.review} empty="没有等待审核的报道。" />
            </section>
          ) : null}
          <section aria-labelledby="inbox-returned">
            <h3 id="inbox-returned">退回给我</h3>
            {inbox.returned.length === 0 ? (
              <p className="muted">没有退回的报道。</p>
            ) : (
              <ul className="story-list">
                {inbox.returned.map((row) => (
                  <li key={row.id}>
                    <Link href={`/editor/stories/${row.id}`}>{row.title}</Link>
                    {row.returnedAt ? <span className="muted"> · {formatDateTime(row.returnedAt)}</span> : null}
                    <span className="inbox-reason">原因：{row.reason}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="inbox-scheduled">
            <h3 id="inbox-scheduled">即将定时发布</h3>
            <StoryRows rows={inbox.scheduled} empty={`${SCHEDULED_WINDOW_HOURS} 小时内没有定时发布的报道。`} when="publishedAt" />
          </section>
          <section aria-labelledby="inbox-followed">
            <h3 id="inbox-followed">我关注的报道</h3>
            {inbox.followed.length === 0 ? (
              <p className="muted">还没有关注的报道。在报道编辑页点“关注”即可。</p>
            ) : (
              <ul className="story-list">
                {inbox.followed.map((row) => (
                  <li key={row.id}>
                    {row.unread ? <span className="unread-mark">未读 </span> : null}
                    <Link href={`/editor/stories/${row.id}`}>{row.title}</Link>
                    <span className="muted"> · 最近动态 {formatDateTime(row.activityAt)}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </section>
      <div className="dashboard">
        <section aria-labelledby="drafts-title">
          <h2 id="drafts-title">我的草稿</h2>
          <StoryRows rows={dashboard.drafts} empty="没有草稿。" />
        </section>
        {dashboard.inReview ? (
          <section aria-labelledby="review-title">
            <h2 id="review-title">我提交的待审报道</h2>
            <StoryRows rows={dashboard.inReview} empty="没有待审报道。" />
          </section>
        ) : null}
        <section aria-labelledby="published-title">
          <h2 id="published-title">最近发布</h2>
          <StoryRows rows={dashboard.published} empty="还没有发布的报道。" when="publishedAt" />
        </section>
      </div>
    </>
  );
}
