"use client";

import Link from "next/link";
import { useCallback, useState } from "react";
import { RankChoiceFields } from "@/components/editor/rank-choice-fields";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { bulkUpdateStories, type RankedData } from "@/lib/actions/stories";
import type { ActionResult } from "@/lib/actions/result";
import type { StoryRow } from "@/lib/data/story-lists";
import { STATUS_LABELS } from "@/lib/editor/workflow";
import { formatDateTime } from "@/lib/format";
import { OutcomeLine } from "@/components/ui/outcome-line";
import { useFormAction } from "@/components/ui/use-form-action";

const initial: ActionResult<RankedData> = { ok: false };

type Props = { rows: StoryRow[]; sections: { id: string; name: string }[]; bulk: boolean };

/** The story list; editors get checkboxes and the bulk actions (unpublish, move to a section). */
export function BulkStoryTable({ rows, sections, bulk }: Props) {
  // Submitted from onSubmit (useFormAction), so a refused action leaves every tick and choice as it was.
  const [state, onSubmit, pending, action] = useFormAction(bulkUpdateStories, initial);
  const [chosen, setChosen] = useState("");
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string, on: boolean) => setSelected((current) => {
    const next = new Set(current);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  });
  const [open, setOpen] = useState(false);
  // Ranked stories among the selection: the server names their roundups, which reopens the dialog
  // with the choice until that answer is dismissed.
  const [dismissed, setDismissed] = useState<ActionResult<RankedData> | null>(null);
  const placements = !state.ok ? (state.data?.placements ?? []) : [];
  const confirming = open || (placements.length > 0 && dismissed !== state);
  const close = useCallback(() => {
    setOpen(false);
    setDismissed(state);
  }, [state]);
  const table = (
    <div className="table-scroll">
      <table className="story-table">
        <thead>
          <tr>
            {bulk ? <th scope="col">选择</th> : null}
            <th scope="col">标题</th>
            <th scope="col" className="cell-nowrap">状态</th>
            <th scope="col" className="cell-nowrap">栏目</th>
            <th scope="col" className="cell-nowrap">作者</th>
            <th scope="col" className="cell-nowrap">最后修改</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              {bulk ? (
                <td>
                  <input type="checkbox" name="ids" value={row.id} checked={selected.has(row.id)} onChange={(event) => toggle(row.id, event.target.checked)} aria-label={`选择《${row.title}》`} />
                </td>
              ) : null}
              <td className="cell-title">
                <Link href={`/editor/stories/${row.id}`}>{row.title}</Link>
              </td>
              <td className="cell-nowrap">{STATUS_LABELS[row.status]}</td>
              <td className="cell-nowrap">{row.sectionName ?? "—"}</td>
              <td className="cell-nowrap">{row.authorName}</td>
              <td className="cell-nowrap">{formatDateTime(row.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  if (!bulk) return table;
  return (
    <form action={action} onSubmit={onSubmit}>
      <fieldset className="bulk-bar">
        <legend>批量操作</legend>
        <label>
          操作
          <select name="action" value={chosen} onChange={(event) => setChosen(event.target.value)}>
            <option value="" disabled>
              请选择
            </option>
            <option value="unpublish">撤下所选报道</option>
            <option value="move">移到栏目</option>
          </select>
        </label>
        <label>
          目标栏目
          <select name="sectionId" defaultValue="">
            <option value="">（移到栏目时选择）</option>
            {sections.map((section) => (
              <option key={section.id} value={section.id}>
                {section.name}
              </option>
            ))}
          </select>
        </label>
        {chosen === "unpublish" ? (
          <button className="button" type="button" disabled={pending} onClick={() => setOpen(true)}>
            {pending ? "正在处理…" : "执行"}
          </button>
        ) : (
          <button className="button" type="submit" disabled={pending}>
            {pending ? "正在处理…" : "执行"}
          </button>
        )}
        <ConfirmDialog open={confirming} title="撤下所选报道？" confirmLabel="确认撤下" onClose={close} submit={{}} disabled={pending}>
          <p>撤下后读者将无法再看到这些报道，可以之后重新发布。</p>
          <RankChoiceFields placements={placements} showStory />
        </ConfirmDialog>
        <OutcomeLine result={state} live />
      </fieldset>
      {table}
    </form>
  );
}
