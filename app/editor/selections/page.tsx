import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/selection/action-form";
import { SELECTION_FIELDS, newSelectionValues } from "@/components/selection/selection-fields";
import { createSelection } from "@/lib/actions/selections";
import { requireRole } from "@/lib/auth/guards";
import { listSelections } from "@/lib/data/selections";
import { WINDOW_LABELS } from "@/lib/selection/window";

export const metadata: Metadata = { title: "年度评选", robots: { index: false } };

export default async function SelectionsPage() {
  const user = await requireRole("EDITOR", "/editor/selections");
  const selections = await listSelections(user);
  return (
    <>
      <h1>年度评选</h1>
      <p className="muted">读者投票加评委评分，投票结束后按综合结果生成榜单草稿。</p>
      {selections.length === 0 ? (
        <p>还没有评选。</p>
      ) : (
        <ul className="story-list">
          {selections.map((selection) => (
            <li key={selection.id}>
              <Link href={`/editor/selections/${selection.id}`}>{selection.title}</Link>
              <span className="muted">
                {" "}
                · {selection.year} 年 · {WINDOW_LABELS[selection.state]} · {selection.candidates} 个候选 · {selection.ballots} 张选票
              </span>
            </li>
          ))}
        </ul>
      )}
      <h2>新建评选</h2>
      <ActionForm
        action={createSelection}
        fields={SELECTION_FIELDS}
        values={newSelectionValues()}
        submitLabel="创建评选"
        pendingLabel="正在创建…"
      />
    </>
  );
}
