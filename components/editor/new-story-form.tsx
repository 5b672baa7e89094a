"use client";

import { useActionState, useState } from "react";
import { createStory } from "@/lib/actions/stories";
import type { ActionResult } from "@/lib/actions/result";

const initial: ActionResult = { ok: false };

export function NewStoryForm() {
  const [state, action, pending] = useActionState(createStory, initial);
  const [title, setTitle] = useState("");
  const error = state.fieldErrors?.title;
  return (
    <form action={action} className="form" noValidate>
      <label>
        标题
        <input name="title" value={title} onChange={(e) => setTitle(e.target.value)} aria-invalid={!!error} aria-describedby={error ? "title-error" : undefined} />
        {error ? (
          <span id="title-error" className="field-error">
            {error.join(" ")}
          </span>
        ) : null}
      </label>
      <button className="button" type="submit" disabled={pending}>
        {pending ? "正在创建…" : "创建并开始写作"}
      </button>
      {state.message && !error ? (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
