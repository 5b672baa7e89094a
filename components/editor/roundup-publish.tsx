"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { publishRoundup, unpublishRoundup } from "@/lib/actions/roundups";
import type { ActionResult } from "@/lib/actions/result";

const initial: ActionResult<{ unpublished: string[] }> = { ok: false };

/** Publishing asks for confirmation when some of the roundup's stories are not published yet. */
export function RoundupPublish({ roundupId, published }: { roundupId: string; published: boolean }) {
  const [state, publish, publishing] = useActionState(publishRoundup, initial);
  const [off, unpublish, unpublishing] = useActionState(unpublishRoundup, { ok: false } as ActionResult);
  const router = useRouter();
  useEffect(() => {
    if (state.ok || off.ok) router.refresh();
  }, [state, off, router]);
  const pendingStories = state.data?.unpublished ?? [];
  return (
    <section aria-labelledby="publish-title">
      <h2 id="publish-title">发布</h2>
      <p>状态：{published ? "已发布" : "未发布"}</p>
      <form action={publish} className="actions">
        <input type="hidden" name="id" value={roundupId} />
        {pendingStories.length > 0 ? <input type="hidden" name="publishStories" value="1" /> : null}
        <button className="button" type="submit" disabled={publishing}>
          {pendingStories.length > 0 ? "确认：连同这些报道一起发布" : published ? "重新发布" : "发布榜单"}
        </button>
      </form>
      <div role="status" className={state.ok ? "form-ok" : "form-error"}>
        {state.message ?? ""}
        {pendingStories.length > 0 ? (
          <ul>
            {pendingStories.map((title) => (
              <li key={title}>{title}</li>
            ))}
          </ul>
        ) : null}
      </div>
      {published ? (
        <form action={unpublish} className="actions">
          <input type="hidden" name="id" value={roundupId} />
          <button className="button button-secondary" type="submit" disabled={unpublishing}>
            撤下榜单
          </button>
          <span role="status">{off.message ?? ""}</span>
        </form>
      ) : null}
    </section>
  );
}
