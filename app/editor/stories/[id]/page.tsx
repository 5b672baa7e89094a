import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StoryEditor } from "@/components/editor/story-editor";
import { WorkflowPanel } from "@/components/editor/workflow-panel";
import { hasRole, requireUser } from "@/lib/auth/guards";
import { getPickerMedia } from "@/lib/data/media";
import { getStoryPlacements } from "@/lib/data/roundup-integrity";
import { getStoryForEdit, listSections } from "@/lib/data/stories";
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
  const [sections, lead, placements] = await Promise.all([listSections(user), getPickerMedia(user, story.leadMediaId), getStoryPlacements(user, story.id)]);
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
      <div className="editor-columns">
        {/* Remount after a restore so the form starts from the restored text; other refreshes keep what is typed. */}
        <StoryEditor
          key={restored ?? "editor"}
          story={{ ...story, autosave: !isReleased(story.status) }}
          options={{ sections, lead }}
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
    </div>
  );
}
