"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { addRoundupItem } from "@/lib/actions/roundups";
import type { ActionResult } from "@/lib/actions/result";
import { OutcomeLine } from "@/components/ui/outcome-line";

const initial: ActionResult = { ok: false };

export function AddStoryButton({ roundupId, storyId, title }: { roundupId: string; storyId: string; title: string }) {
  const router = useRouter();
  const [state, action, pending] = useActionState(addRoundupItem, initial);
  // The composer's list is rendered by the server: reload it once the story is in.
  useEffect(() => {
    if (state.ok) router.refresh();
  }, [state, router]);
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="id" value={roundupId} />
      <input type="hidden" name="storyId" value={storyId} />
      <button className="button button-secondary" type="submit" disabled={pending} aria-label={`加入榜单：${title}`}>
        加入
      </button>
      <OutcomeLine result={state} />
    </form>
  );
}
