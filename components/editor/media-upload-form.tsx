"use client";

import { useRouter } from "next/navigation";
import { useActionState, useState } from "react";
import { uploadMedia } from "@/lib/actions/media";
import type { ActionResult } from "@/lib/actions/result";
import type { PickerMedia } from "@/lib/media/picker";

const initial: ActionResult<PickerMedia> = { ok: false };
const MAX_BYTES = 10 * 1024 * 1024;

/** Upload with alt text (required), caption and credit; an oversize file is refused before it is sent. */
export function MediaUploadForm() {
  const [text, setText] = useState({ alt: "", caption: "", credit: "" });
  const [tooBig, setTooBig] = useState<string | null>(null);
  const router = useRouter();
  const [state, action, pending] = useActionState(async (prev: ActionResult<PickerMedia>, formData: FormData) => {
    const result = await uploadMedia(prev, formData);
    if (result.ok) {
      setText({ alt: "", caption: "", credit: "" });
      // The library below is rendered by the server: reload it to show the new image.
      router.refresh();
    }
    return result;
  }, initial);
  const errors: Record<string, string[]> = { ...(state.fieldErrors ?? {}), ...(tooBig ? { file: [tooBig] } : {}) };
  const describe = (name: string) => (errors[name] ? `media-${name}-error` : undefined);
  const error = (name: string) =>
    errors[name] ? (
      <span id={`media-${name}-error`} className="field-error">
        {errors[name].join(" ")}
      </span>
    ) : null;

  return (
    <form action={action} className="stack" noValidate onSubmit={(event) => tooBig && event.preventDefault()}>
      <label>
        图片文件（JPEG、PNG、WebP、AVIF，最大 10 MB）
        <input
          type="file"
          name="file"
          accept="image/jpeg,image/png,image/webp,image/avif"
          aria-invalid={!!errors.file}
          aria-describedby={describe("file")}
          onChange={(e) => {
            const file = e.target.files?.[0];
            setTooBig(file && file.size > MAX_BYTES ? `文件太大：图片不能超过 10 MB（这个文件有 ${(file.size / 1024 / 1024).toFixed(1)} MB）。` : null);
          }}
        />
        {error("file")}
      </label>
      <label>
        替代文字（必填）
        <input name="alt" value={text.alt} onChange={(e) => setText({ ...text, alt: e.target.value })} aria-invalid={!!errors.alt} aria-describedby={describe("alt")} />
        {error("alt")}
      </label>
      <label>
        图片说明
        <textarea name="caption" rows={2} value={text.caption} onChange={(e) => setText({ ...text, caption: e.target.value })} />
      </label>
      <label>
        摄影署名（如：本报记者 XXX 摄）
        <input name="credit" value={text.credit} onChange={(e) => setText({ ...text, credit: e.target.value })} />
      </label>
      <div className="actions">
        <button className="button" type="submit" disabled={pending || !!tooBig}>
          {pending ? "正在上传并生成尺寸…" : "上传"}
        </button>
      </div>
      <p role="status" className={state.ok ? "form-ok" : "form-error"}>
        {state.message ?? ""}
      </p>
    </form>
  );
}
