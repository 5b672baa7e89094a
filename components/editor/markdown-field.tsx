"use client";

import type { ClipboardEvent } from "react";
import { FieldError } from "@/components/ui/field";
import { pastedHtmlToMarkdown } from "@/lib/editor/paste-html";

type Props = { value: string; onChange: (value: string) => void; disabled: boolean; error?: string[] };

/** The body's Markdown source (the "Markdown 源码" view); the story editor's live preview shows how it reads. */
export function MarkdownField({ value, onChange, disabled, error }: Props) {
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
        <FieldError id="body-error" messages={error} />
      </label>
    </div>
  );
}
