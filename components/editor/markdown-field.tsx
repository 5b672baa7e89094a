"use client";

import { useDeferredValue, useRef, type ClipboardEvent } from "react";
import { applyFormat, type FormatKind } from "@/lib/editor/markdown-edit";
import { textStats } from "@/lib/editor/story-text";
import { htmlToMarkdown } from "./paste-to-markdown";

const TOOLS: { kind: FormatKind; label: string; text: string }[] = [
  { kind: "bold", label: "加粗", text: "B" },
  { kind: "heading", label: "小标题", text: "H" },
  { kind: "link", label: "链接", text: "🔗" },
  { kind: "quote", label: "引用", text: "❝" },
  { kind: "list", label: "列表", text: "•" },
  { kind: "image", label: "图片", text: "🖼" },
];

type Props = { value: string; onChange: (value: string) => void; disabled: boolean; error?: string[] };

/** The body in Markdown with a toolbar and counts (the story editor's live preview shows how it reads). */
export function MarkdownField({ value, onChange, disabled, error }: Props) {
  const ref = useRef<HTMLTextAreaElement>(null);
  // The counts lag the keystrokes a little under load instead of slowing typing down.
  const stats = textStats(useDeferredValue(value));

  function format(kind: FormatKind) {
    const area = ref.current;
    if (!area) return;
    let url = "https://";
    if (kind === "link" || kind === "image") {
      const answer = window.prompt(kind === "link" ? "链接地址" : "图片地址（可在媒体库复制）", kind === "link" ? "https://" : "/media/");
      if (answer === null) return;
      url = answer.trim();
    }
    const edit = applyFormat(value, area.selectionStart, area.selectionEnd, kind, url);
    onChange(edit.text);
    requestAnimationFrame(() => {
      area.focus();
      area.setSelectionRange(edit.start, edit.end);
    });
  }

  function onPaste(event: ClipboardEvent<HTMLTextAreaElement>) {
    const html = event.clipboardData.getData("text/html");
    if (!html) return;
    event.preventDefault();
    const area = event.currentTarget;
    const markdown = htmlToMarkdown(html);
    const next = value.slice(0, area.selectionStart) + markdown + value.slice(area.selectionEnd);
    const caret = area.selectionStart + markdown.length;
    onChange(next);
    requestAnimationFrame(() => area.setSelectionRange(caret, caret));
  }

  return (
    <div className="md-field">
      <div className="md-toolbar" role="toolbar" aria-label="正文格式">
        {TOOLS.map((tool) => (
          <button key={tool.kind} type="button" className="tool" aria-label={tool.label} title={tool.label} onClick={() => format(tool.kind)} disabled={disabled}>
            {tool.text}
          </button>
        ))}
      </div>
      <div className="md-panes">
        <label className="md-source">
          正文（Markdown）
          <textarea
            ref={ref}
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
      </div>
      <p id="story-stats" className="muted">
        字数 {stats.words} · 约 {stats.readingMinutes} 分钟读完
      </p>
    </div>
  );
}
