"use client";

import { useRouter } from "next/navigation";
import { useActionState, useState } from "react";
import { uploadMedia } from "@/lib/actions/media";
import type { ActionResult } from "@/lib/actions/result";
import { Field } from "@/components/ui/field";
import { OutcomeLine } from "@/components/ui/outcome-line";

const initial: ActionResult = { ok: false };
const MAX_BYTES = 10 * 1024 * 1024;

/** Upload with alt text (required), caption and credit; an oversize file is refused before it is sent. */
export function MediaUploadForm() {
  const [text, setText] = useState({ alt: "", caption: "", credit: "" });
  const [tooBig, setTooBig] = useState<string | null>(null);
  const router = useRouter();
  const [state, action, pending] = useActionState(async (prev: ActionResult, formData: FormData) => {
    const result = await uploadMedia(prev, formData);
    if (result.ok) {
      setText({ alt: "", caption: "", credit: "" });
      // The library below is rendered by the server: reload it to show the new image.
      router.refresh();
    }
    return result;
  }, initial);
  const errors: Record<string, string[]> = { ...(state.fieldErrors ?? {}), ...(tooBig ? { file: [tooBig] } : {}) };

  return (
    <form action={action} className="stack" noValidate onSubmit={(event) => tooBig && event.preventDefault()}>
      <Field label="图片文件（JPEG、PNG、WebP、AVIF，最大 10 MB）" name="file" id="media-file" error={errors.file}>
        {(props) => (
          <input
            {...props}
            type="file"
            accept="image/jpeg,image/png,image/webp,image/avif"
            onChange={(e) => {
              const file = e.target.files?.[0];
              setTooBig(file && file.size > MAX_BYTES ? `文件太大：图片不能超过 10 MB（这个文件有 ${(file.size / 1024 / 1024).toFixed(1)} MB）。` : null);
            }}
          />
        )}
      </Field>
      <Field label="替代文字（必填）" name="alt" id="media-alt" error={errors.alt}>
        {(props) => <input {...props} value={text.alt} onChange={(e) => setText({ ...text, alt: e.target.value })} />}
      </Field>
      <Field label="图片说明" name="caption" id="media-caption" error={errors.caption}>
        {(props) => <textarea {...props} rows={2} value={text.caption} onChange={(e) => setText({ ...text, caption: e.target.value })} />}
      </Field>
      <Field label="摄影署名（如：本报记者 XXX 摄）" name="credit" id="media-credit" error={errors.credit}>
        {(props) => <input {...props} value={text.credit} onChange={(e) => setText({ ...text, credit: e.target.value })} />}
      </Field>
      <div className="actions">
        <button className="button" type="submit" disabled={pending || !!tooBig}>
          {pending ? "正在上传并生成尺寸…" : "上传"}
        </button>
      </div>
      <OutcomeLine result={state} live />
    </form>
  );
}
