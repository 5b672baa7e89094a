import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StoryEditor } from "@/components/editor/story-editor";
import { StoryThread } from "@/components/editor/story-thread";
import { WorkflowPanel } from "@/components/editor/workflow-panel";
import { hasRole, requireUser } from "@/lib/auth/guards";
import { getPickerMedia } from "@/lib/data/media";
import { getStoryPlacements } from "@/lib/data/roundup-integrity";
import { getStoryForEdit, listEditorsOfRecord, listSections } from "@/lib/data/stories";
import { openStoryThread } from "@/lib/data/story-notes";
import { allowedActions, isReleased } from "@/lib/editor/workflow";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "编辑报道", robots: { index: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ restored?: string }> };

export default async function EditStoryPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { restored } = await searchParams;
  const user = await requireUser(`/editor/stories/${id}`);
  const story = await getStoryForEdit(user, id);
  if (!story) notFound();
  const [sections, lead, editors, placements, thread] = await Promise.all([
    listSections(user),
    getPickerMedia(user, story.leadMediaId),
    listEditorsOfRecord(user),
    getStoryPlacements(user, story.id),
    openStoryThread(user, story.id),
  ]);
  const userId = user.id; // hasRole narrows `user` to never in the journalist branch
  const isEditor = hasRole(user, "EDITOR");
  const live = story.status === "PUBLISHED" || story.status === "SCHEDULED";

  return (
    <div className="editor-page">
      <div className="editor-head">
        <h1>编辑报道</h1>
        <nav aria-label="这篇报道">
          <Link href={`/editor/stories/${story.id}/preview`}>预览</Link> · <Link href={`/editor/stories/${story.id}/history`}>修订历史</Link>
          {live ? (
            <>
              {" "}
              · <Link href={`/stories/${story.slug}`}>查看线上页面</Link>
            </>
          ) : null}
        </nav>
      </div>
      {restored ? <p role="status">已恢复所选版本，并保存为新的修订。</p> : null}
      {!story.canEdit ? <p role="status">你只能查看这篇报道：记者只能修改自己尚未发布的报道。</p> : null}
      {story.reviewReason && (story.status === "DRAFT" || story.status === "ARCHIVED") ? (
        <div className="review-reason" role="note" aria-label="审核意见">
          <p>
            <strong>{story.status === "ARCHIVED" ? "这篇报道不予采用" : "编辑退回了这篇报道，请修改后重新提交"}</strong>
            {story.reviewedAt ? <span className="muted">（{formatDateTime(story.reviewedAt)}）</span> : null}
          </p>
          <p className="thread-body">原因：{story.reviewReason}</p>
        </div>
      ) : null}
      <div className="editor-columns">
        {/* Remount after a restore so the form starts from the restored text; other refreshes keep what is typed. */}
        <StoryEditor
          key={restored ?? "editor"}
          story={{ ...story, publishedAt: story.publishedAt?.toISOString() ?? null, autosave: !isReleased(story.status) }}
          options={{ sections, lead, editors }}
          isEditor={isEditor}
        />
        <WorkflowPanel
          storyId={story.id}
          title={story.title}
          status={story.status}
          publishedAtLabel={story.publishedAt ? formatDateTime(story.publishedAt) : null}
          actions={story.canEdit ? allowedActions(story.status, isEditor) : []}
          canCorrect={isEditor && live}
          correction={story.correction}
          placements={placements}
        />
      </div>
      <StoryThread
        storyId={story.id}
        notes={thread.notes.map((note) => ({ id: note.id, kind: note.kind, body: note.body, authorName: note.authorName, at: note.createdAt.toISOString() }))}
        following={thread.following}
        wasUnread={thread.wasUnread}
        canWrite={isEditor || story.authorId === userId}
      />
    </div>
  );
}
