"use client";

import { useActionState, useCallback, useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { restoreStoryRevision } from "@/lib/actions/stories";
import type { ActionResult } from "@/lib/actions/result";
import { OutcomeLine } from "@/components/ui/outcome-line";

const initial: ActionResult = { ok: false };

/** version: the revision to restore; currentRevision: the visible number now; baseVersion: the lock version. */
type Props = { storyId: string; title: string; revisionId: string; version: number; currentRevision: number; baseVersion: number };

/** Restores an old revision as a new one, after a confirmation that says nothing is lost. */
export function RestoreButton({ storyId, title, revisionId, version, currentRevision, baseVersion }: Props) {
  const [state, action, pending] = useActionState(restoreStoryRevision, initial);
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="id" value={storyId} />
      <input type="hidden" name="revisionId" value={revisionId} />
      <input type="hidden" name="baseVersion" value={baseVersion} />
      <button className="button button-secondary" type="button" disabled={pending} onClick={() => setOpen(true)}>
        {pending ? "正在恢复…" : `恢复第 ${version} 版`}
      </button>
      <ConfirmDialog open={open} title={`恢复《${title}》的第 ${version} 版？`} confirmLabel="确认恢复" onClose={close} submit={{}} disabled={pending}>
        <p>
          第 {version} 版的内容将保存为新的第 {currentRevision + 1} 版；当前的第 {currentRevision} 版仍保留在修订历史中，随时可以再恢复。
        </p>
      </ConfirmDialog>
      <OutcomeLine result={state} />
    </form>
  );
}
