"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState } from "react";
import { addStoryNote, setStoryFollow } from "@/lib/actions/review";
import type { ActionResult } from "@/lib/actions/result";
import { formatDateTime } from "@/lib/format";

export type ThreadNote = { id: string; kind: "NOTE" | "RETURN" | "REJECT"; body: string; authorName: string; at: string };

type Props = {
  storyId: string;
  notes: ThreadNote[];
  following: boolean;
  canWrite: boolean;
  /** This page load marked the story read; the header's counts, rendered alongside, still include it. */
  wasUnread: boolean;
};

const initial: ActionResult = { ok: false };

const KIND_LABELS: Record<ThreadNote["kind"], string | null> = { NOTE: null, RETURN: "退回修改", REJECT: "不予采用" };

/**
 * The discussion on a story, oldest first: notes by editors and the author, and the reasons of
 * returns and rejections. Text is shown as typed (React escapes it; line breaks kept by CSS).
 */
export function StoryThread({ storyId, notes, following, canWrite, wasUnread }: Props) {
  const router = useRouter();
  const [state, action, pending] = useActionState(addStoryNote, initial);
  const [follow, followAction, toggling] = useActionState(setStoryFollow, initial);
  // Controlled, so a refused note stays typed; cleared once it is posted.
  const [body, setBody] = useState("");
  // Adjusted while rendering, once per result: a posted note empties the box, a refused one keeps it.
  const [handled, setHandled] = useState(state);
  if (handled !== state) {
    setHandled(state);
    if (state.ok) setBody("");
  }
  // Once, so the header's unread count drops now that the story has been read (the next render finds it read).
  useEffect(() => {
    if (wasUnread) router.refresh();
  }, [wasUnread, router]);
  useEffect(() => {
    if (state.ok || follow.ok) router.refresh();
  }, [state, follow, router]);

  return (
    <section className="thread" aria-labelledby="thread-title">
      <div className="thread-head">
        <h2 id="thread-title">留言与审核意见</h2>
        <form action={followAction}>
          <input type="hidden" name="id" value={storyId} />
          <input type="hidden" name="follow" value={following ? "false" : "true"} />
          <button className="button button-secondary" type="submit" disabled={toggling} aria-pressed={following}>
            {following ? "已关注" : "关注"}
          </button>
        </form>
      </div>
      <p role="status" className={follow.ok ? "form-ok" : "form-error"}>
        {follow.message ?? ""}
      </p>
      {notes.length === 0 ? (
        <p className="muted">还没有留言。</p>
      ) : (
        <ol className="thread-notes">
          {notes.map((note) => (
            <li key={note.id} className={note.kind === "NOTE" ? undefined : "thread-decision"}>
              <p className="muted">
                <strong>{note.authorName}</strong> · <time dateTime={note.at}>{formatDateTime(note.at)}</time>
                {KIND_LABELS[note.kind] ? ` · ${KIND_LABELS[note.kind]}` : ""}
              </p>
              <p className="thread-body">{note.body}</p>
            </li>
          ))}
        </ol>
      )}
      {canWrite ? (
        <form action={action} className="workflow-form">
          <input type="hidden" name="id" value={storyId} />
          <label>
            写留言
            <textarea
              name="body"
              rows={3}
              value={body}
              onChange={(e) => setBody(e.target.value)}
              aria-invalid={!!state.fieldErrors?.body}
              aria-describedby={state.fieldErrors?.body ? "note-error" : undefined}
            />
            {state.fieldErrors?.body ? (
              <span id="note-error" className="field-error">
                {state.fieldErrors.body.join(" ")}
              </span>
            ) : null}
          </label>
          <button className="button" type="submit" disabled={pending}>
            发布留言
          </button>
          <p role="status" className={state.ok ? "form-ok" : "form-error"}>
            {state.message ?? ""}
          </p>
        </form>
      ) : (
        <p className="muted">只有编辑和作者可以留言。</p>
      )}
    </section>
  );
}
