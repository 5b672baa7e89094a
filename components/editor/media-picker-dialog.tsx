"use client";

import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { createPortal } from "react-dom";
import { UploadProgress } from "@/components/editor/upload-progress";
import { PICKER_URL, uploadMedia, type UploadProgress as Progress } from "@/lib/editor/upload-media";
import type { PickerList, PickerMedia } from "@/lib/media/picker";

export type PickedImage = PickerMedia & { alt: string; caption: string; credit: string };

type Props = {
  /** "body": an image for the story text (alt, caption and credit are set for this use); "lead": the lead photo. */
  purpose: "body" | "lead";
  /** A file dropped or pasted into the body: the dialog opens ready to upload it. */
  file?: File | null;
  onPick: (image: PickedImage) => void;
  onClose: () => void;
};

const ALT_REQUIRED = "请填写替代文字：用一句话说明图片内容，看不见图片的读者会听到它。";
const ACCEPT = "image/jpeg,image/png,image/webp,image/avif";

// The image picker: the media library as thumbnails (searchable), or a new upload with a real
// progress bar. A native modal <dialog> (like components/ui/confirm-dialog.tsx): the page behind is
// inert, Esc closes it, and focus returns to where it was. It is portalled to <body> because it
// has its own form and sits inside the story form.
export function MediaPickerDialog({ purpose, file: droppedFile = null, onPick, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const altRef = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const [query, setQuery] = useState("");
  const [items, setItems] = useState<PickerMedia[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<PickerMedia | null>(null);
  const [file, setFile] = useState<File | null>(droppedFile);
  // A local preview of the file about to be sent (the dialog only mounts in the browser).
  const [preview, setPreview] = useState<string | null>(() => (droppedFile ? URL.createObjectURL(droppedFile) : null));
  const [text, setText] = useState({ alt: "", caption: "", credit: "" });
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);

  useEffect(() => {
    ref.current?.showModal();
    if (droppedFile) altRef.current?.focus();
    // Opened once per mount: the parent mounts the dialog to open it.
  }, [droppedFile]);

  useEffect(() => () => void (preview && URL.revokeObjectURL(preview)), [preview]);

  function pickFile(picked: File | null) {
    setFile(picked);
    setPreview(picked ? URL.createObjectURL(picked) : null);
  }

  // The library, searched as the writer types (a short pause first, so each keystroke is not a request).
  useEffect(() => {
    const controller = new AbortController();
    const timer = window.setTimeout(async () => {
      try {
        const response = await fetch(`${PICKER_URL}?q=${encodeURIComponent(query)}`, { signal: controller.signal });
        const body = (await response.json()) as PickerList;
        if (body.ok) {
          setItems(body.items);
          setListError(null);
        } else setListError(body.message);
      } catch {
        if (!controller.signal.aborted) setListError("媒体库暂时无法载入，请稍后再试。");
      }
    }, 250);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [query]);

  function choose(item: PickerMedia) {
    setChosen(item);
    pickFile(null);
    setText({ alt: item.alt, caption: item.caption, credit: item.credit });
    setErrors({});
    setMessage(null);
    if (purpose === "body") altRef.current?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (progress) return;
    if (!file && !chosen) return setMessage("请先从媒体库选择一张图片，或上传新图片。");
    const fields = { alt: text.alt.trim(), caption: text.caption.trim(), credit: text.credit.trim() };
    const needsAlt = file !== null || purpose === "body";
    if (needsAlt && !fields.alt) {
      setErrors({ alt: [ALT_REQUIRED] });
      setMessage(ALT_REQUIRED);
      altRef.current?.focus();
      return;
    }
    if (chosen && !file) {
      // Rows imported with only a caption and credit have no picture to show in the text.
      if (purpose === "body" && !chosen.src) return setMessage("这张图片只有说明文字，没有图片文件，不能插入正文。请选择其他图片或上传。");
      onPick({ ...chosen, ...(purpose === "body" ? fields : {}) });
      return ref.current?.close();
    }
    if (!file) return;
    setProgress({ sent: 0, total: file.size });
    const result = await uploadMedia({ file, ...fields }, setProgress);
    setProgress(null);
    if (result.ok && result.data) {
      onPick({ ...result.data, ...fields });
      return ref.current?.close();
    }
    setErrors(result.fieldErrors ?? {});
    setMessage(result.message ?? "上传失败，请重试。");
  }

  const isBody = purpose === "body";
  const verb = isBody ? "插入图片" : "设为题图";
  const errorId = (name: string) => (errors[name] ? `picker-${name}-error` : undefined);
  const fieldError = (name: string) =>
    errors[name] ? (
      <span id={`picker-${name}-error`} className="field-error">
        {errors[name].join(" ")}
      </span>
    ) : null;

  return createPortal(
    <dialog ref={ref} className="picker-dialog" aria-labelledby={titleId} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <h2 id={titleId}>{isBody ? "插入图片" : "选择题图"}</h2>
        <div className="picker-columns">
          <section aria-label="媒体库">
            <label>
              搜索媒体库（替代文字、说明或署名）
              <input type="search" value={query} onChange={(event) => setQuery(event.target.value)} autoFocus={!droppedFile} />
            </label>
            {listError ? <p className="field-error">{listError}</p> : null}
            {items === null && !listError ? <p className="muted">正在载入媒体库…</p> : null}
            {items?.length === 0 ? <p className="muted">{query ? "没有找到符合的图片。" : "媒体库还没有图片，请上传。"}</p> : null}
            <ul className="picker-grid">
              {items?.map((item) => (
                <li key={item.id}>
                  <button type="button" className="picker-thumb" aria-pressed={chosen?.id === item.id} onClick={() => choose(item)}>
                    {/* eslint-disable-next-line @next/next/no-img-element -- the 480 px WebP made at upload, served by /media */}
                    {item.thumb ? <img src={item.thumb} alt="" loading="lazy" /> : <span className="photo-placeholder">（无文件）</span>}
                    <span className="picker-thumb-text">{item.alt}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
          <section aria-label="所选图片">
            <label>
              上传新图片（JPEG、PNG、WebP 或 AVIF，不超过 10 MB）
              <input
                type="file"
                accept={ACCEPT}
                aria-invalid={!!errors.file}
                aria-describedby={errorId("file")}
                onChange={(event) => {
                  const picked = event.target.files?.[0] ?? null;
                  pickFile(picked);
                  if (picked) {
                    setChosen(null);
                    setText({ alt: "", caption: "", credit: "" });
                  }
                  setErrors({});
                  setMessage(null);
                }}
              />
              {fieldError("file")}
            </label>
            {/* eslint-disable-next-line @next/next/no-img-element -- a local preview of the file about to be sent */}
            {preview ? <img className="picker-preview" src={preview} alt="待上传的图片预览" /> : chosen?.thumb ? <img className="picker-preview" src={chosen.thumb} alt={`已选：${chosen.alt}`} /> : null}
            {isBody || file ? (
              <>
                <label>
                  替代文字（必填）
                  <input ref={altRef} value={text.alt} onChange={(event) => setText({ ...text, alt: event.target.value })} required aria-invalid={!!errors.alt} aria-describedby={errorId("alt")} maxLength={300} />
                  {fieldError("alt")}
                </label>
                <label>
                  图片说明
                  <input value={text.caption} onChange={(event) => setText({ ...text, caption: event.target.value })} aria-invalid={!!errors.caption} aria-describedby={errorId("caption")} maxLength={1000} />
                  {fieldError("caption")}
                </label>
                <label>
                  署名（如：本报记者 王明 摄）
                  <input value={text.credit} onChange={(event) => setText({ ...text, credit: event.target.value })} aria-invalid={!!errors.credit} aria-describedby={errorId("credit")} maxLength={200} />
                  {fieldError("credit")}
                </label>
              </>
            ) : null}
            <UploadProgress progress={progress} />
          </section>
        </div>
        <p role="alert" className="field-error">
          {message ?? ""}
        </p>
        <div className="actions">
          <button type="button" className="button button-secondary" onClick={() => ref.current?.close()}>
            取消
          </button>
          <button type="submit" className="button" disabled={!!progress}>
            {progress ? "正在上传…" : file ? `上传并${verb}` : verb}
          </button>
        </div>
      </form>
    </dialog>,
    document.body,
  );
}
