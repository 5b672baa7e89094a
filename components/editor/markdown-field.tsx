"use client";

import { useDeferredValue, type ClipboardEvent } from "react";
import { pastedHtmlToMarkdown } from "@/lib/editor/paste-html";
import { renderMarkdown } from "@/lib/markdown";

type Props = { value: string; onChange: (value: string) => void; disabled: boolean; error?: string[] };

/** The body's Markdown source (the "Markdown 源码" view), with a live preview through the public page's own sanitizing renderer. */
export function MarkdownField({ value, onChange, disabled, error }: Props) {
  // The preview lags the keystrokes a little under load instead of slowing typing down.
  const deferred = useDeferredValue(value);

  // Pasted HTML is cleaned to the same Markdown the visual editor would make of it.
  function onPaste(event: ClipboardEvent<HTMLTextAreaElement>) {
    const html = event.clipboardData.getData("text/html");
    if (!html) return;
    event.preventDefault();
    const area = event.currentTarget;
    const markdown = pastedHtmlToMarkdown(html);
    const next = value.slice(0, area.selectionStart) + markdown + value.slice(area.selectionEnd);
    const caret = area.selectionStart + markdown.length;
    onChange(next);
    requestAnimationFrame(() => area.setSelectionRange(caret, caret));
  }

  return (
    <div className="md-panes">
      <label className="md-source">
        正文（Markdown）
        <textarea
          name="body"
          value={value}
          rows={18}
          onChange={(event) => onChange(event.target.value)}
          onPaste={onPaste}
          readOnly={disabled}
          aria-invalid={!!error}
          aria-describedby={error ? "body-error story-stats" : "story-stats"}
        />
        {error ? (
          <span id="body-error" className="field-error">
            {error.join(" ")}
          </span>
        ) : null}
      </label>
      <section className="md-preview story" aria-label="预览">
        <div className="body" dangerouslySetInnerHTML={{ __html: renderMarkdown(deferred) }} />
      </section>
    </div>
  );
}
