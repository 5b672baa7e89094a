"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState } from "react";
import { changeStoryStatus, correctStory } from "@/lib/actions/stories";
import type { ActionResult } from "@/lib/actions/result";
import type { StoryStatus } from "@/generated/prisma/enums";
import { ACTION_LABELS, STATUS_LABELS, type WorkflowAction } from "@/lib/editor/workflow";

type Props = {
  storyId: string;
  status: StoryStatus;
  publishedAtLabel: string | null;
  actions: WorkflowAction[];
  canCorrect: boolean;
  correction: string | null;
};

const initial: ActionResult = { ok: false };

/** Status moves the server will accept for this reader of the story, plus corrections on live stories. */
export function WorkflowPanel({ storyId, status, publishedAtLabel, actions, canCorrect, correction }: Props) {
  const router = useRouter();
  const [state, action, pending] = useActionState(changeStoryStatus, initial);
  const [fix, fixAction, fixing] = useActionState(correctStory, initial);
  // Controlled, because React resets a form after its action and a refused entry must stay typed.
  const [publishAt, setPublishAt] = useState("");
  const [note, setNote] = useState(correction ?? "");
  useEffect(() => {
    if (state.ok || fix.ok) router.refresh();
  }, [state, fix, router]);

  return (
    <aside className="workflow" aria-labelledby="workflow-title">
      <h2 id="workflow-title">发布流程</h2>
      <p>
        状态：<strong>{STATUS_LABELS[status]}</strong>
        {publishedAtLabel ? <span className="muted">（{status === "SCHEDULED" ? "上线时间" : "首发"} {publishedAtLabel}）</span> : null}
      </p>
      {actions.length > 0 ? (
        <form action={action} className="workflow-form">
          <input type="hidden" name="id" value={storyId} />
          <p className="muted">流程操作针对已保存的版本，请先保存修改。</p>
          {actions.includes("schedule") ? (
            <label>
              定时发布时间（北京时间）
              <input
                type="datetime-local"
                name="publishAt"
                value={publishAt}
                onChange={(e) => setPublishAt(e.target.value)}
                aria-invalid={!!state.fieldErrors?.publishAt}
                aria-describedby={state.fieldErrors?.publishAt ? "publishAt-error" : undefined}
              />
              {state.fieldErrors?.publishAt ? (
                <span id="publishAt-error" className="field-error">
                  {state.fieldErrors.publishAt.join(" ")}
                </span>
              ) : null}
            </label>
          ) : null}
          <div className="actions">
            {actions.map((name) => (
              <button key={name} className={name === "unpublish" || name === "return" ? "button button-secondary" : "button"} type="submit" name="action" value={name} disabled={pending}>
                {ACTION_LABELS[name]}
              </button>
            ))}
          </div>
          <p role="status" className={state.ok ? "form-ok" : "form-error"}>
            {state.message ?? ""}
          </p>
        </form>
      ) : null}
      {canCorrect ? (
        <form action={fixAction} className="workflow-form">
          <input type="hidden" name="id" value={storyId} />
          <label>
            更正说明（显示在报道页）
            <textarea
              name="correction"
              rows={3}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              aria-invalid={!!fix.fieldErrors?.correction}
              aria-describedby={fix.fieldErrors?.correction ? "correction-error" : undefined}
            />
            {fix.fieldErrors?.correction ? (
              <span id="correction-error" className="field-error">
                {fix.fieldErrors.correction.join(" ")}
              </span>
            ) : null}
          </label>
          <button className="button button-secondary" type="submit" disabled={fixing}>
            发布更正
          </button>
          <p role="status" className={fix.ok ? "form-ok" : "form-error"}>
            {fix.message ?? ""}
          </p>
        </form>
      ) : null}
    </aside>
  );
}
