"use client";

import { useState } from "react";
import { updateNewsroomSettings } from "@/lib/actions/newsroom-settings";
import type { ActionResult } from "@/lib/actions/result";
import { OutcomeLine } from "@/components/ui/outcome-line";
import { useFormAction } from "@/components/ui/use-form-action";

const initial: ActionResult = { ok: false };

export function NewsroomSettingsForm({ journalistsSeeAllStories }: { journalistsSeeAllStories: boolean }) {
  // Submitted from onSubmit (useFormAction): a refused save leaves the box as ticked.
  const [state, onSubmit, pending, action] = useFormAction(updateNewsroomSettings, initial);
  const [seeAll, setSeeAll] = useState(journalistsSeeAllStories);
  return (
    <form action={action} onSubmit={onSubmit} className="form">
      <label>
        <input type="checkbox" name="journalistsSeeAllStories" checked={seeAll} onChange={(event) => setSeeAll(event.target.checked)} /> 记者可以查看其他记者的报道（草稿、预览和修订历史；仍只能修改自己的报道）
      </label>
      <p className="muted">不勾选（默认）：记者在编辑部只能看到自己的报道。编辑和管理员总能看到所有报道。</p>
      <button className="button" type="submit" disabled={pending}>
        {pending ? "正在保存…" : "保存设置"}
      </button>
      <OutcomeLine result={state} live />
    </form>
  );
}
