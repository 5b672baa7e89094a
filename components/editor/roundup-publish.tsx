"use client";

import { useRouter } from "next/navigation";
import { useActionState, useCallback, useEffect, useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { publishRoundup, unpublishRoundup } from "@/lib/actions/roundups";
import type { ActionResult } from "@/lib/actions/result";
import { OutcomeLine } from "@/components/ui/outcome-line";

type PublishResult = ActionResult<{ unpublished: string[] }>;
const initial: PublishResult = { ok: false };
const offInitial: ActionResult = { ok: false };

/**
 * Publishing asks for confirmation when some of the roundup's stories are not published yet (the
 * server names them); taking a published roundup down always asks first.
 */
export function RoundupPublish({ roundupId, title, published }: { roundupId: string; title: string; published: boolean }) {
  const [state, publish, publishing] = useActionState(publishRoundup, initial);
  const [off, unpublish, unpublishing] = useActionState(unpublishRoundup, offInitial);
  const router = useRouter();
  useEffect(() => {
    if (state.ok || off.ok) router.refresh();
  }, [state, off, router]);
  const pendingStories = !state.ok ? (state.data?.unpublished ?? []) : [];
  // The server's list of unpublished stories opens the dialog until that answer is dismissed.
  const [dismissed, setDismissed] = useState<PublishResult | null>(null);
  const closePublish = useCallback(() => setDismissed(state), [state]);
  const [confirmOff, setConfirmOff] = useState(false);
  const closeOff = useCallback(() => setConfirmOff(false), []);
  return (
    <section aria-labelledby="publish-title">
      <h2 id="publish-title">发布</h2>
      <p>状态：{published ? "已发布" : "未发布"}</p>
      <form action={publish} className="actions">
        <input type="hidden" name="id" value={roundupId} />
        <button className="button" type="submit" disabled={publishing}>
          {published ? "重新发布" : "发布榜单"}
        </button>
        <ConfirmDialog
          open={pendingStories.length > 0 && dismissed !== state}
          title={`连同 ${pendingStories.length} 篇未发布的报道一起发布《${title}》？`}
          confirmLabel="确认：连同这些报道一起发布"
          onClose={closePublish}
          submit={{ name: "publishStories", value: "1" }}
          disabled={publishing}
        >
          <p>这些报道现在读者还看不到，发布榜单会同时发布它们：</p>
          <ul>
            {pendingStories.map((story) => (
              <li key={story}>{story}</li>
            ))}
          </ul>
        </ConfirmDialog>
      </form>
      {/* While the dialog lists stories still to publish, it says what is wrong instead. */}
      <OutcomeLine result={pendingStories.length > 0 ? { ok: state.ok } : state} live />
      {published ? (
        <form action={unpublish} className="actions">
          <input type="hidden" name="id" value={roundupId} />
          <button className="button button-secondary" type="button" disabled={unpublishing} onClick={() => setConfirmOff(true)}>
            撤下榜单
          </button>
          <ConfirmDialog open={confirmOff} title={`撤下榜单《${title}》？`} confirmLabel="确认撤下榜单" onClose={closeOff} submit={{}} disabled={unpublishing}>
            <p>读者将看不到这个榜单；其中的报道仍然单独发布。之后可以重新发布。</p>
          </ConfirmDialog>
        </form>
      ) : null}
      {/* Outside the form: it goes away once the roundup is down, and the message must stay. */}
      <OutcomeLine result={off} live />
    </section>
  );
}
