"use client";

import { useActionState, useState } from "react";
import { createStory } from "@/lib/actions/stories";
import { Field } from "@/components/ui/field";
import { OutcomeLine } from "@/components/ui/outcome-line";
import type { ActionResult } from "@/lib/actions/result";

const initial: ActionResult = { ok: false };

export function NewStoryForm() {
  const [state, action, pending] = useActionState(createStory, initial);
  const [title, setTitle] = useState("");
  const error = state.fieldErrors?.title;
  return (
    <form action={action} className="form" noValidate>
      <Field label="标题" name="title" id="new-story-title" error={error}>
        {(props) => <input {...props} value={title} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <button className="button" type="submit" disabled={pending}>
        {pending ? "正在创建…" : "创建并开始写作"}
      </button>
      {error ? null : <OutcomeLine result={state} />}
    </form>
  );
}
