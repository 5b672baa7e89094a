"use client";

import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { createPortal } from "react-dom";

type Props = { alt: string; caption: string; onApply: (text: { alt: string; caption: string }) => void; onClose: () => void };

/** Changes an image's alt text and caption in this story's text (the media library keeps its own). */
export function ImageTextDialog({ alt: initialAlt, caption: initialCaption, onApply, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [alt, setAlt] = useState(initialAlt);
  const [caption, setCaption] = useState(initialCaption);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    ref.current?.showModal();
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!alt.trim()) return setError("请填写替代文字：用一句话说明图片内容，看不见图片的读者会听到它。");
    onApply({ alt: alt.trim(), caption: caption.trim() });
    ref.current?.close();
  }

  return createPortal(
    <dialog ref={ref} className="link-dialog" aria-labelledby={titleId} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <h2 id={titleId}>图片文字</h2>
        <label>
          替代文字（必填）
          <input value={alt} onChange={(event) => setAlt(event.target.value)} autoFocus maxLength={300} aria-invalid={!!error} aria-describedby={error ? "image-alt-error" : undefined} />
          {error ? (
            <span id="image-alt-error" className="field-error">
              {error}
            </span>
          ) : null}
        </label>
        <label>
          图片说明和署名
          <input value={caption} onChange={(event) => setCaption(event.target.value)} maxLength={1200} />
        </label>
        <div className="actions">
          <button type="button" className="button button-secondary" onClick={() => ref.current?.close()}>
            取消
          </button>
          <button type="submit" className="button">
            确定
          </button>
        </div>
      </form>
    </dialog>,
    document.body,
  );
}
