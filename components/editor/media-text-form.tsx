"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useFormAction } from "@/components/ui/use-form-action";
import { updateMediaText } from "@/lib/actions/media";
import type { ActionResult } from "@/lib/actions/result";

const initial: ActionResult = { ok: false };

type Props = { id: string; alt: string; caption: string; credit: string };

/** Edits an uploaded image's alt text, caption and credit; pages showing it as a lead photo update. */
export function MediaTextForm({ id, alt, caption, credit }: Props) {
  const router = useRouter();
  // Submitted from onSubmit (useFormAction): a refused save keeps what was typed in every field.
  const [state, onSubmit, pending, action] = useFormAction(updateMediaText, initial);
  useEffect(() => {
    if (state.ok) router.refresh();
  }, [state, router]);
  const errors = state.fieldErrors ?? {};
  const prefix = `media-${id}`;
  const describe = (name: string) => (errors[name] ? `${prefix}-${name}-error` : undefined);
  const error = (name: string) =>
    errors[name] ? (
      <span id={`${prefix}-${name}-error`} className="field-error">
        {errors[name].join(" ")}
      </span>
    ) : null;
  return (
    <details className="media-text">
      <summary>修改文字说明</summary>
      <form action={action} onSubmit={onSubmit} className="stack" noValidate>
        <input type="hidden" name="id" value={id} />
        <label>
          替代文字（不能为空）
          <input name="alt" defaultValue={alt} required maxLength={300} aria-invalid={!!errors.alt} aria-describedby={describe("alt")} />
          {error("alt")}
        </label>
        <label>
          图片说明
          <textarea name="caption" rows={2} defaultValue={caption} maxLength={1000} aria-invalid={!!errors.caption} aria-describedby={describe("caption")} />
          {error("caption")}
        </label>
        <label>
          摄影署名
          <input name="credit" defaultValue={credit} maxLength={200} aria-invalid={!!errors.credit} aria-describedby={describe("credit")} />
          {error("credit")}
        </label>
        <div className="actions">
          <button className="button" type="submit" disabled={pending}>
            {pending ? "正在保存…" : "保存文字"}
          </button>
          <span role="status" className={state.ok ? "form-ok" : "form-error"}>
            {state.message ?? ""}
          </span>
        </div>
      </form>
    </details>
  );
}
