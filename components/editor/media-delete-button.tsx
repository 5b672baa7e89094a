"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { deleteMedia } from "@/lib/actions/media";
import type { ActionResult } from "@/lib/actions/result";

const initial: ActionResult = { ok: false };

export function MediaDeleteButton({ id, alt }: { id: string; alt: string }) {
  const router = useRouter();
  const [state, action, pending] = useActionState(deleteMedia, initial);
  useEffect(() => {
    if (state.ok) router.refresh();
  }, [state, router]);
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
