"use client";

import { useActionState } from "react";
import { deleteMedia } from "@/lib/actions/media";
import type { ActionResult } from "@/lib/actions/result";

const initial: ActionResult = { ok: false };

export function MediaDeleteButton({ id, alt }: { id: string; alt: string }) {
  const [state, action, pending] = useActionState(deleteMedia, initial);
  return (
    <form action={action} onSubmit={(event) => !window.confirm(`删除图片「${alt}」？`) && event.preventDefault()}>
      <input type="hidden" name="id" value={id} />
      <button className="button button-secondary" type="submit" disabled={pending} aria-label={`删除：${alt}`}>
        删除
      </button>
      {state.message ? (
        <span role="status" className={state.ok ? "form-ok" : "form-error"}>
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
