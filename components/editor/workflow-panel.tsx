"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { RankChoiceFields } from "@/components/editor/rank-choice-fields";
import { useFormAction } from "@/components/ui/use-form-action";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { changeStoryStatus, correctStory, type RankedData } from "@/lib/actions/stories";
import type { ActionResult } from "@/lib/actions/result";
import type { StoryStatus } from "@/generated/prisma/enums";
import type { RankedPlacement } from "@/lib/data/roundup-integrity";
import { ACTION_LABELS, STATUS_LABELS, needsReason, type WorkflowAction } from "@/lib/editor/workflow";
import { Field } from "@/components/ui/field";
import { OutcomeLine } from "@/components/ui/outcome-line";

type Props = {
  storyId: string;
  title: string;
  status: StoryStatus;
  publishedAtLabel: string | null;
  actions: WorkflowAction[];
  canCorrect: boolean;
  correction: string | null;
  /** Published roundups that rank this story: taking it off the site asks what they should do. */
  placements: RankedPlacement[];
};

const initial: ActionResult<RankedData> = { ok: false };
const fixInitial: ActionResult = { ok: false };

/** Status moves the server will accept for this reader of the story, plus corrections on live stories. */
export function WorkflowPanel({ storyId, title, status, publishedAtLabel, actions, canCorrect, correction, placements }: Props) {
  const router = useRouter();
  // Both forms submit from onSubmit (useFormAction): a refused move keeps the typed time and reason
  // and the roundup choice in the dialog (React's reset after a form action would put that choice
  // back to its first option, and the next confirmation would apply the wrong one).
  const [state, onSubmit, pending, action] = useFormAction(changeStoryStatus, initial);
  const [fix, onFixSubmit, fixing, fixAction] = useFormAction(correctStory, fixInitial);
  const [publishAt, setPublishAt] = useState("");
  const [reason, setReason] = useState("");
  const [note, setNote] = useState(correction ?? "");
  const [open, setOpen] = useState(false);
  // The server names the roundups itself when one was published after this page loaded; that answer
  // reopens the dialog until it is dismissed.
  const [dismissed, setDismissed] = useState<ActionResult<RankedData> | null>(null);
  const serverAsks = !state.ok && !!state.data?.placements && dismissed !== state;
  const closeDialog = useCallback(() => {
    setOpen(false);
    setDismissed(state);
  }, [state]);
  // A move that went through empties the reason (adjusted while rendering, once per result); a refused one keeps it.
  const [handled, setHandled] = useState(state);
  if (handled !== state) {
    setHandled(state);
    if (state.ok) setReason("");
  }
  useEffect(() => {
    if (state.ok || fix.ok) router.refresh();
  }, [state, fix, router]);
  const ranked = (!state.ok && state.data?.placements) || placements;
  const confirming = open || serverAsks;
  // Unpublishing always asks first (and, for a ranked story, what its roundups should do).
  const needsConfirmation = (name: WorkflowAction) => name === "unpublish";

  return (
    <aside className="workflow" aria-labelledby="workflow-title">
      <h2 id="workflow-title">发布流程</h2>
      <p>
        状态：<strong>{STATUS_LABELS[status]}</strong>
        {publishedAtLabel ? <span className="muted">（{status === "SCHEDULED" ? "上线时间" : "首发"} {publishedAtLabel}）</span> : null}
      </p>
      {actions.length > 0 ? (
        <form action={action} onSubmit={onSubmit} className="workflow-form">
          <input type="hidden" name="id" value={storyId} />
          <p className="muted">流程操作针对已保存的版本，请先保存修改。</p>
          {actions.includes("schedule") ? (
            <Field label="定时发布时间（北京时间）" name="publishAt" id="workflow-publish-at" error={state.fieldErrors?.publishAt}>
              {(props) => <input {...props} type="datetime-local" value={publishAt} onChange={(e) => setPublishAt(e.target.value)} />}
            </Field>
          ) : null}
          {actions.some(needsReason) ? (
            <Field label="审核意见（退回修改或不予采用时必填，作者会看到）" name="reason" id="workflow-reason" error={state.fieldErrors?.reason}>
              {(props) => <textarea {...props} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />}
            </Field>
          ) : null}
          <div className="actions">
            {actions.map((name) =>
              needsConfirmation(name) ? (
                <button key={name} className="button button-secondary" type="button" onClick={() => setOpen(true)} disabled={pending}>
                  {ACTION_LABELS[name]}
                </button>
              ) : (
                <button key={name} className={needsReason(name) ? "button button-secondary" : "button"} type="submit" name="action" value={name} disabled={pending}>
                  {ACTION_LABELS[name]}
                </button>
              ),
            )}
          </div>
          <ConfirmDialog
            open={confirming}
            title={`撤下《${title}》？`}
            confirmLabel="确认撤下"
            onClose={closeDialog}
            submit={{ name: "action", value: "unpublish" }}
            disabled={pending}
          >
            <p>撤下后读者将无法再看到这篇报道，可以之后重新发布。</p>
            <RankChoiceFields placements={ranked} />
          </ConfirmDialog>
        </form>
      ) : null}
      {/* Outside the form: after submitting, a journalist has no moves left, and still sees that it worked. */}
      <OutcomeLine result={state} live />
      {canCorrect ? (
        <form action={fixAction} onSubmit={onFixSubmit} className="workflow-form">
          <input type="hidden" name="id" value={storyId} />
          <Field label="更正说明（显示在报道页）" name="correction" id="workflow-correction" error={fix.fieldErrors?.correction}>
            {(props) => <textarea {...props} rows={3} value={note} onChange={(e) => setNote(e.target.value)} />}
          </Field>
          <button className="button button-secondary" type="submit" disabled={fixing}>
            发布更正
          </button>
          <OutcomeLine result={fix} live />
        </form>
      ) : null}
    </aside>
  );
}
