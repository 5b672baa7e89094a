"use client";

import { useActionState } from "react";
import { restoreStoryRevision } from "@/lib/actions/stories";
import type { ActionResult } from "@/lib/actions/result";

const initial: ActionResult = { ok: false };

export function RestoreButton({ storyId, revisionId, version, baseVersion }: { storyId: string; revisionId: string; version: number; baseVersion: number }) {
  const [state, action, pending] = useActionState(restoreStoryRevision, initial);
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="id" value={storyId} />
      <input type="hidden" name="revisionId" value={revisionId} />
      <input type="hidden" name="baseVersion" value={baseVersion} />
      <button className="button button-secondary" type="submit" disabled={pending}>
        {pending ? "正在恢复…" : `恢复第 ${version} 版`}
      </button>
      {state.message ? (
        <span className="form-error" role="alert">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
