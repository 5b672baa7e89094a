"use client";

import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { createPortal } from "react-dom";

type Props = {
  /** The link being edited, if the cursor is on one. */
  href: string;
  /** Ask for the text too (nothing was selected). */
  needsText: boolean;
  onApply: (link: { href: string; text: string }) => void;
  onRemove: (() => void) | null;
  onClose: () => void;
};

// Site-relative paths, web addresses and e-mail; the renderer's sanitizer would drop anything else.
const SAFE = /^(https?:\/\/[^\s]+|mailto:[^\s]+|\/(?!\/)[^\s]*)$/i;

/** Adds "https://" to an address typed without it ("www.jl.gov.cn"). */
function normalize(value: string): string {
  const trimmed = value.trim();
  return /^[\w-]+(\.[\w-]+)+([/?#].*)?$/.test(trimmed) ? `https://${trimmed}` : trimmed;
}

/** The link dialog (Ctrl/⌘+K or the 链接 button); a native modal <dialog> like the image picker. */
export function LinkDialog({ href, needsText, onApply, onRemove, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [url, setUrl] = useState(href || "");
  const [text, setText] = useState("");
  const [error, setError] = useState<{ field: "url" | "text"; message: string } | null>(null);

  useEffect(() => {
    ref.current?.showModal();
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    const value = normalize(url);
    if (!SAFE.test(value)) return setError({ field: "url", message: "请输入以 https:// 或 http:// 开头的网址，或以 / 开头的本站地址。" });
    if (needsText && !text.trim()) return setError({ field: "text", message: "请填写链接文字。" });
    onApply({ href: value, text: text.trim() });
    ref.current?.close();
  }

  return createPortal(
    <dialog ref={ref} className="link-dialog" aria-labelledby={titleId} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <h2 id={titleId}>{href ? "编辑链接" : "插入链接"}</h2>
        <label>
          链接地址
          <input
            type="url"
            inputMode="url"
            value={url}
            placeholder="https://"
            onChange={(event) => setUrl(event.target.value)}
            autoFocus
            aria-invalid={error?.field === "url"}
            aria-describedby={error?.field === "url" ? "link-url-error" : undefined}
          />
          {error?.field === "url" ? (
            <span id="link-url-error" className="field-error">
              {error.message}
            </span>
          ) : null}
        </label>
        {needsText ? (
          <label>
            链接文字
            <input value={text} onChange={(event) => setText(event.target.value)} aria-invalid={error?.field === "text"} aria-describedby={error?.field === "text" ? "link-text-error" : undefined} />
            {error?.field === "text" ? (
              <span id="link-text-error" className="field-error">
                {error.message}
              </span>
            ) : null}
          </label>
        ) : null}
        <div className="actions">
          <button type="button" className="button button-secondary" onClick={() => ref.current?.close()}>
            取消
          </button>
          {onRemove ? (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                onRemove();
                ref.current?.close();
              }}
            >
              移除链接
            </button>
          ) : null}
          <button type="submit" className="button">
            确定
          </button>
        </div>
      </form>
    </dialog>,
    document.body,
  );
}
