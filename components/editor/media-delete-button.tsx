"use client";

import { useRouter } from "next/navigation";
import { useActionState, useCallback, useEffect, useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { deleteMedia } from "@/lib/actions/media";
import type { ActionResult } from "@/lib/actions/result";
import { OutcomeLine } from "@/components/ui/outcome-line";

const initial: ActionResult = { ok: false };

export function MediaDeleteButton({ id, alt }: { id: string; alt: string }) {
  const router = useRouter();
  const [state, action, pending] = useActionState(deleteMedia, initial);
  const [confirming, setConfirming] = useState(false);
  const close = useCallback(() => setConfirming(false), []);
  useEffect(() => {
    if (state.ok) router.refresh();
  }, [state, router]);
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <button className="button button-secondary" type="button" disabled={pending} aria-label={`删除：${alt}`} onClick={() => setConfirming(true)}>
        删除
      </button>
      <ConfirmDialog open={confirming} title={`删除图片「${alt}」？`} confirmLabel="确认删除" onClose={close} submit={{}} disabled={pending}>
        <p>图片文件和它的各个尺寸会被永久删除，无法恢复。</p>
      </ConfirmDialog>
      <OutcomeLine result={state} />
    </form>
  );
}
