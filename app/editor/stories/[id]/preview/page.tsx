import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StoryArticle } from "@/components/site/story-article";
import { requireUser } from "@/lib/auth/guards";
import { getStoryPreview } from "@/lib/data/story-preview";
import { STATUS_LABELS } from "@/lib/editor/workflow";

export const metadata: Metadata = { title: "预览", robots: { index: false, follow: false } };

type Props = { params: Promise<{ id: string }> };

// The public story page's own renderer, so what staff see here is what readers will see; the banner
// above the article is the only addition.
export default async function PreviewPage({ params }: Props) {
  const { id } = await params;
  const user = await requireUser(`/editor/stories/${id}/preview`);
  const story = await getStoryPreview(user, id);
  if (!story) notFound();

  return (
    <>
      <p className="preview-banner" role="note">
        预览（{STATUS_LABELS[story.status]}）：读者还看不到未发布的内容。 <Link href={`/editor/stories/${story.id}`}>返回编辑</Link>
      </p>
      <StoryArticle story={story.article} />
    </>
  );
}
