import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/selection/action-form";
import { InviteJurorForm } from "@/components/selection/invite-juror-form";
import { SELECTION_FIELDS, selectionValues } from "@/components/selection/selection-fields";
import { addStaffJuror, addStoryCandidate, addTextCandidate, removeCandidate, revokeJuror, updateSelection } from "@/lib/actions/selections";
import { requireRole } from "@/lib/auth/guards";
import { listJurors, listStaffForJury } from "@/lib/data/jurors";
import { findCandidateStories, getSelectionForEdit } from "@/lib/data/selections";
import { formatDateTime } from "@/lib/format";
import { WINDOW_LABELS } from "@/lib/selection/window";
import "@/components/selection/selection.css";

export const metadata: Metadata = { title: "编辑评选", robots: { index: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ q?: string }> };

const JUROR_STATUS = { active: "可评分", pending: "邀请未使用", revoked: "已撤销", expired: "邀请已过期" } as const;

export default async function SelectionEditorPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { q = "" } = await searchParams;
  const user = await requireRole("EDITOR", `/editor/selections/${id}`);
  const selection = await getSelectionForEdit(user, id);
  if (!selection) notFound();
  const [jurors, staff, found] = await Promise.all([listJurors(user, id), listStaffForJury(user), selection.candidatesLocked ? [] : findCandidateStories(user, q.slice(0, 100))]);
  const candidateStories = new Set(selection.candidates.map((candidate) => candidate.storyId));
  const seated = new Set(jurors.filter((juror) => juror.status !== "revoked").map((juror) => juror.userId));

  return (
    <>
      <h1>{selection.title}</h1>
      <p>
        <Link href="/editor/selections">← 全部评选</Link> · <Link href={`/editor/selections/${selection.id}/results`}>查看结果</Link> ·{" "}
        <Link href={`/selections/${selection.slug}`}>投票页</Link>
      </p>
      <p>
        状态：<strong>{WINDOW_LABELS[selection.state]}</strong>（{formatDateTime(selection.opensAt)} — {formatDateTime(selection.closesAt)}），已收到 {selection.ballots} 张选票。
      </p>

      <h2>评选设置</h2>
      <ActionForm action={updateSelection} hidden={{ id: selection.id, baseStamp: selection.settingsStamp }} fields={SELECTION_FIELDS} values={selectionValues(selection)} submitLabel="保存设置" pendingLabel="正在保存…" />

      <h2>候选（{selection.candidates.length}）</h2>
      {selection.candidatesLocked ? <p className="muted">投票已经开始，候选名单不能再改。</p> : null}
      <ol className="candidate-list">
        {selection.candidates.map((candidate) => (
          <li key={candidate.id}>
            <strong>{candidate.title}</strong> {candidate.storyId ? <span className="muted">（报道）</span> : <span className="muted">（短候选，生成榜单时成为报道草稿）</span>}
            {candidate.description ? <p className="muted">{candidate.description}</p> : null}
            {selection.candidatesLocked ? null : <ActionForm action={removeCandidate} hidden={{ selectionId: selection.id, candidateId: candidate.id }} submitLabel={`移除「${candidate.title}」`} secondary />}
          </li>
        ))}
      </ol>
      {selection.candidatesLocked ? null : (
        <>
          <h3>加入已发布的报道</h3>
          <form method="get" role="search" aria-label="搜索已发布的报道" className="filters">
            <label>
              按标题搜索已发布的报道
              <input type="search" name="q" defaultValue={q} />
            </label>
            <button className="button" type="submit">
              搜索
            </button>
          </form>
          {q && found.length === 0 ? <p>没有找到标题包含「{q}」的已发布报道。</p> : null}
          <ul className="story-list">
            {found
              .filter((story) => !candidateStories.has(story.id))
              .map((story) => (
                <li key={story.id}>
                  {story.title}
                  <ActionForm action={addStoryCandidate} hidden={{ selectionId: selection.id, storyId: story.id }} submitLabel={`加入「${story.title}」`} secondary />
                </li>
              ))}
          </ul>
          <h3>写一个短候选</h3>
          <ActionForm
            action={addTextCandidate}
            hidden={{ selectionId: selection.id }}
            fields={[
              { name: "title", label: "候选标题", kind: "text" },
              { name: "description", label: "候选说明", kind: "textarea" },
            ]}
            values={{ title: "", description: "" }}
            submitLabel="加入候选"
            clearOnSuccess
          />
        </>
      )}

      <h2>评委（{jurors.filter((juror) => juror.status !== "revoked").length}）</h2>
      {jurors.length === 0 ? (
        <p>还没有评委。</p>
      ) : (
        <div className="table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">评委和评分进度</caption>
          <thead>
            <tr>
              <th scope="col">评委</th>
              <th scope="col">类型</th>
              <th scope="col">状态</th>
              <th scope="col">已评</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {jurors.map((juror) => (
              <tr key={juror.id}>
                <td>{juror.name}</td>
                <td>{juror.kind === "staff" ? "本社账号" : "外部评委"}</td>
                <td>{JUROR_STATUS[juror.status]}</td>
                <td>
                  {juror.scored}/{selection.candidates.length}
                  {juror.scored >= selection.candidates.length && selection.candidates.length > 0 ? "（已完成）" : ""}
                </td>
                <td>{juror.status === "revoked" ? null : <ActionForm action={revokeJuror} hidden={{ selectionId: selection.id, jurorId: juror.id }} submitLabel={`撤销 ${juror.name}`} secondary />}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
      <h3>添加本社评委</h3>
      <p className="muted">本社评委登录后在 <Link href={`/selections/${selection.slug}/jury`}>评分页</Link> 评分。</p>
      <ActionForm
        action={addStaffJuror}
        hidden={{ selectionId: selection.id }}
        fields={[{ name: "userId", label: "同事", kind: "select", options: [{ value: "", label: "请选择" }, ...staff.filter((person) => !seated.has(person.id)).map((person) => ({ value: person.id, label: `${person.name}（${person.email}）` }))] }]}
        values={{ userId: "" }}
        submitLabel="添加评委"
      />
      <h3>邀请外部评委</h3>
      <InviteJurorForm selectionId={selection.id} />
    </>
  );
}
