"use client";

import Link from "next/link";
import { useActionState } from "react";
import { bulkUpdateStories } from "@/lib/actions/stories";
import type { ActionResult } from "@/lib/actions/result";
import type { StoryRow } from "@/lib/data/story-lists";
import { STATUS_LABELS } from "@/lib/editor/workflow";
import { formatDateTime } from "@/lib/format";

const initial: ActionResult = { ok: false };

type Props = { rows: StoryRow[]; sections: { id: string; name: string }[]; bulk: boolean };

/** The story list; editors get checkboxes and the bulk actions (unpublish, move to a section). */
export function BulkStoryTable({ rows, sections, bulk }: Props) {
  const [state, action, pending] = useActionState(bulkUpdateStories, initial);
  const table = (
    <div className="table-scroll">
      <table className="story-table">
        <thead>
          <tr>
            {bulk ? <th scope="col">选择</th> : null}
            <th scope="col">标题</th>
            <th scope="col">状态</th>
            <th scope="col">栏目</th>
            <th scope="col">作者</th>
            <th scope="col">最后修改</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              {bulk ? (
                <td>
                  <input type="checkbox" name="ids" value={row.id} aria-label={`选择《${row.title}》`} />
                </td>
              ) : null}
              <td>
                <Link href={`/editor/stories/${row.id}`}>{row.title}</Link>
              </td>
              <td>{STATUS_LABELS[row.status]}</td>
              <td>{row.sectionName ?? "—"}</td>
              <td>{row.authorName}</td>
              <td>{formatDateTime(row.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  if (!bulk) return table;
  return (
    <form action={action}>
      <fieldset className="bulk-bar">
        <legend>批量操作</legend>
        <label>
          操作
          <select name="action" defaultValue="">
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
        <button className="button" type="submit" disabled={pending}>
          {pending ? "正在处理…" : "执行"}
        </button>
        <p role="status" className={state.ok ? "form-ok" : "form-error"}>
          {state.message ?? ""}
        </p>
      </fieldset>
      {table}
    </form>
  );
}
