import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AddStoryButton } from "@/components/editor/add-story-button";
import { RoundupForm } from "@/components/editor/roundup-form";
import { RoundupItems } from "@/components/editor/roundup-items";
import { RoundupPublish } from "@/components/editor/roundup-publish";
import { ActionForm } from "@/components/selection/action-form";
import { setRoundupScoresShown } from "@/lib/actions/selections";
import { requireRole } from "@/lib/auth/guards";
import { getPickerMedia } from "@/lib/data/media";
import { findStoriesForRoundup, getRoundupForEdit } from "@/lib/data/roundups";
import { STATUS_LABELS } from "@/lib/editor/workflow";

export const metadata: Metadata = { title: "编排榜单", robots: { index: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ q?: string }> };

export default async function RoundupComposerPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { q = "" } = await searchParams;
  const user = await requireRole("EDITOR", `/editor/roundups/${id}`);
  const roundup = await getRoundupForEdit(user, id);
  if (!roundup) notFound();
  const [found, leadImage] = await Promise.all([findStoriesForRoundup(user, q), getPickerMedia(user, roundup.leadMediaId)]);
  const inList = new Set(roundup.items.map((item) => item.storyId));

  return (
    <>
      <h1>编排榜单</h1>
      <p>
        <Link href="/editor/roundups">← 全部榜单</Link> · <Link href={`/editor/roundups/${roundup.id}/preview`}>预览榜单</Link>
      </p>
      <RoundupForm
        id={roundup.id}
        values={{ title: roundup.title, year: String(roundup.year), publisher: roundup.publisher, intro: roundup.intro, outro: roundup.outro ?? "" }}
        lead={{ values: { leadMediaId: roundup.leadMediaId ?? "", leadAlt: roundup.leadAlt, leadCaption: roundup.leadCaption, leadCredit: roundup.leadCredit }, initial: leadImage }}
        infoStamp={roundup.infoStamp}
      />
      <h2>排名</h2>
      <p className="muted">拖动条目或用「上移」「下移」调整排名，排名自动保存。</p>
      {/* A new server list (an item added or removed) remounts the list; a reorder keeps its own state. */}
      <RoundupItems key={[...inList].sort().join(",")} roundupId={roundup.id} initialItems={roundup.items} />
      <h2>添加报道</h2>
      <form method="get" role="search" aria-label="搜索要添加的报道" className="filters">
        <label>
          按标题搜索报道
          <input type="search" name="q" defaultValue={q} />
        </label>
        <button className="button" type="submit">
          搜索
        </button>
      </form>
      {q && found.length === 0 ? <p>没有找到标题包含「{q}」的报道。</p> : null}
      <ul className="story-list">
        {found
          .filter((story) => !inList.has(story.id))
          .map((story) => (
            <li key={story.id}>
              {story.title} <span className="muted">（{STATUS_LABELS[story.status]}）</span>
              <AddStoryButton roundupId={roundup.id} storyId={story.id} title={story.title} />
            </li>
          ))}
      </ul>
      <h2>读者票数 / 评委评分</h2>
      <ActionForm
        action={setRoundupScoresShown}
        hidden={{ roundupId: roundup.id }}
        fields={[{ name: "show", label: "在公开的榜单页面上显示每条的读者票数 / 评委评分（由年度评选生成的榜单才有这些数字）", kind: "checkbox" }]}
        values={{ show: roundup.showSelectionScores ? "on" : "" }}
        submitLabel="保存显示设置"
      />
      <RoundupPublish roundupId={roundup.id} title={roundup.title} published={roundup.status === "PUBLISHED"} />
    </>
  );
}
