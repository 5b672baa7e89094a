import type { Metadata } from "next";
import Link from "next/link";
import { StoryRows } from "@/components/editor/story-rows";
import { hasRole, requireUser } from "@/lib/auth/guards";
import { getDashboard } from "@/lib/data/story-lists";

export const metadata: Metadata = { title: "工作台", robots: { index: false } };

export default async function EditorDashboard() {
  const user = await requireUser("/editor");
  const dashboard = await getDashboard(user);
  return (
    <>
      <h1>工作台</h1>
      <p>
        欢迎回来，{user.name}。 <Link href="/editor/stories/new">写新报道</Link>
      </p>
      <div className="dashboard">
        <section aria-labelledby="drafts-title">
          <h2 id="drafts-title">我的草稿</h2>
          <StoryRows rows={dashboard.drafts} empty="没有草稿。" />
        </section>
        <section aria-labelledby="review-title">
          <h2 id="review-title">{hasRole(user, "EDITOR") ? "等待审核" : "我提交的待审报道"}</h2>
          <StoryRows rows={dashboard.inReview} empty="没有待审报道。" />
        </section>
        <section aria-labelledby="scheduled-title">
          <h2 id="scheduled-title">定时发布</h2>
          <StoryRows rows={dashboard.scheduled} empty="没有定时发布的报道。" when="publishedAt" />
        </section>
        <section aria-labelledby="published-title">
          <h2 id="published-title">最近发布</h2>
          <StoryRows rows={dashboard.published} empty="还没有发布的报道。" when="publishedAt" />
        </section>
      </div>
    </>
  );
}
