"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { Field } from "@/components/ui/field";
import { OutcomeLine } from "@/components/ui/outcome-line";
import type { ActionResult } from "@/lib/actions/result";
import { UploadProgress } from "@/components/editor/upload-progress";
import { uploadMedia, type UploadProgress as Progress } from "@/lib/editor/upload-media";
import type { PickerMedia } from "@/lib/media/picker";

const MAX_BYTES = 10 * 1024 * 1024;

/**
 * Upload with alt text (required), caption and credit; an oversize file is refused before it is sent.
 * Sent like the editor's image dialog (lib/editor/upload-media.ts), so the bar shows the bytes sent.
 */
export function MediaUploadForm() {
  const [text, setText] = useState({ alt: "", caption: "", credit: "" });
  const [tooBig, setTooBig] = useState<string | null>(null);
  const [state, setState] = useState<ActionResult<PickerMedia>>({ ok: false });
  const [progress, setProgress] = useState<Progress | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const router = useRouter();
  const pending = progress !== null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (tooBig || pending) return;
    const file = fileRef.current?.files?.[0];
    if (!file) return setState({ ok: false, message: "请检查标出的字段。", fieldErrors: { file: ["请选择要上传的图片。"] } });
    setProgress({ sent: 0, total: file.size });
    const result = await uploadMedia({ file, ...text }, setProgress);
    setProgress(null);
    setState(result);
    if (result.ok) {
      setText({ alt: "", caption: "", credit: "" });
      if (fileRef.current) fileRef.current.value = "";
      // The library below is rendered by the server: reload it to show the new image.
      router.refresh();
    }
  }

  const errors: Record<string, string[]> = { ...(state.fieldErrors ?? {}), ...(tooBig ? { file: [tooBig] } : {}) };

  return (
    <form className="stack" noValidate onSubmit={submit}>
      <Field label="图片文件（JPEG、PNG、WebP、AVIF，最大 10 MB）" name="file" id="media-file" error={errors.file}>
        {(props) => (
          <input
            {...props}
            ref={fileRef}
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
      <UploadProgress progress={progress} />
      <OutcomeLine result={state} live />
    </form>
  );
}
