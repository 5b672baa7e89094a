import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RoundupArticle } from "@/components/site/roundup-article";
import { requireRole } from "@/lib/auth/guards";
import { getRoundupPreview } from "@/lib/data/roundup-preview";

export const metadata: Metadata = { title: "榜单预览", robots: { index: false, follow: false } };

type Props = { params: Promise<{ id: string }> };

// The public roundup component, so the preview is what readers will get; the banner is the only addition.
export default async function RoundupPreviewPage({ params }: Props) {
  const { id } = await params;
  const user = await requireRole("EDITOR", `/editor/roundups/${id}/preview`);
  const preview = await getRoundupPreview(user, id);
  if (!preview) notFound();
  return (
    <>
      <div className="preview-banner" role="note">
        <p>
          榜单预览（{preview.published ? "已发布" : "未发布"}）：这是发布后读者看到的样子。 <Link href={`/editor/roundups/${preview.id}`}>返回编排</Link>
        </p>
        {preview.unpublishedTitles.length > 0 ? <p>其中 {preview.unpublishedTitles.length} 篇报道尚未发布，发布榜单时会先请你确认。</p> : null}
      </div>
      <RoundupArticle roundup={preview.view} />
    </>
  );
}
