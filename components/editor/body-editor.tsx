"use client";

import { Extension } from "@tiptap/core";
import { Slice } from "@tiptap/pm/model";
import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { docToMarkdown, markdownToDoc } from "@/lib/editor/markdown-doc";
import { pastedHtmlToMarkdown } from "@/lib/editor/paste-html";
import { richExtensions } from "@/lib/editor/rich-schema";
import { textStats } from "@/lib/editor/story-text";
import { captionLine } from "@/lib/media/picker";
import { EditorToolbar } from "./editor-toolbar";
import { ImageTextDialog } from "./image-text-dialog";
import { LinkDialog } from "./link-dialog";
import { MarkdownField } from "./markdown-field";
import { MediaPickerDialog, type PickedImage } from "./media-picker-dialog";

type Props = { value: string; onChange: (value: string) => void; disabled: boolean; error?: string[] };

type Dialog = { kind: "link"; href: string; needsText: boolean } | { kind: "image"; file: File | null; at: number | null } | { kind: "imageText" } | null;

// The writer's choice of view (visual or Markdown source) is remembered on this device.
const MODE_KEY = "roundup.editor.source";
const modeListeners = new Set<() => void>();
function subscribeMode(listener: () => void): () => void {
  modeListeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    modeListeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}
function readMode(): boolean {
  return window.localStorage.getItem(MODE_KEY) === "1";
}
function writeMode(source: boolean): void {
  window.localStorage.setItem(MODE_KEY, source ? "1" : "0");
  modeListeners.forEach((listener) => listener());
}

function editorAttributes(invalid: boolean): Record<string, string> {
  return { role: "textbox", "aria-multiline": "true", "aria-label": "正文", "aria-invalid": String(invalid), "aria-describedby": invalid ? "body-error story-stats" : "story-stats", class: "rich-body body" };
}

function imageFiles(list: FileList | null | undefined): File[] {
  return Array.from(list ?? []).filter((file) => file.type.startsWith("image/"));
}

// The story body: a visual editor (TipTap on ProseMirror) whose every change is written back as
// Markdown, the stored format (lib/editor/markdown-doc.ts), or the Markdown source itself for those
// who prefer it. The form sends the Markdown either way, under the name "body".
export function BodyEditor({ value, onChange, disabled, error }: Props) {
  const source = useSyncExternalStore(subscribeMode, readMode, () => false);
  const [dialog, setDialog] = useState<Dialog>(null);
  // The Markdown the editor last produced: a different value came from outside (the source view, or
  // "use their version" after a conflict) and is loaded into the editor.
  const emitted = useRef(value);
  const openLink = useRef<() => void>(() => {});

  const editor = useEditor({
    immediatelyRender: false,
    editable: !disabled,
    extensions: [
      ...richExtensions(),
      Extension.create({
        name: "storyShortcuts",
        addKeyboardShortcuts: () => ({
          "Mod-k": () => {
            openLink.current();
            return true;
          },
        }),
      }),
    ],
    content: markdownToDoc(value),
    editorProps: {
      attributes: editorAttributes(false),
      // Pasted HTML (Word, WPS, web pages) goes through the same cleaning as in the source view, so
      // both give the same Markdown; a copy from this editor itself keeps its structure as it is.
      handlePaste: (view, event) => {
        const files = imageFiles(event.clipboardData?.files);
        if (files[0]) {
          setDialog({ kind: "image", file: files[0], at: view.state.selection.from });
          return true;
        }
        const html = event.clipboardData?.getData("text/html") ?? "";
        if (!html || html.includes("data-pm-slice")) return false;
        const doc = view.state.schema.nodeFromJSON(markdownToDoc(pastedHtmlToMarkdown(html)));
        view.dispatch(view.state.tr.replaceSelection(Slice.maxOpen(doc.content)).scrollIntoView());
        return true;
      },
      handleDrop: (view, event, _slice, moved) => {
        const files = imageFiles(event.dataTransfer?.files);
        if (moved || !files[0]) return false;
        event.preventDefault();
        // The image goes after the top-level block it was dropped on: images are figures between
        // paragraphs, never inside a heading, a quote or a list.
        const pos = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos ?? view.state.selection.from;
        const $pos = view.state.doc.resolve(pos);
        setDialog({ kind: "image", file: files[0], at: $pos.depth > 0 ? $pos.after(1) : pos });
        return true;
      },
    },
    onUpdate: ({ editor: current }) => {
      const markdown = docToMarkdown(current.getJSON());
      emitted.current = markdown;
      onChange(markdown);
    },
  });

  useEffect(() => {
    openLink.current = () => {
      if (!editor || disabled) return;
      const href = String(editor.getAttributes("link").href ?? "");
      setDialog({ kind: "link", href, needsText: editor.state.selection.empty && !href });
    };
  }, [editor, disabled]);

  useEffect(() => {
    if (!editor || value === emitted.current) return;
    emitted.current = value;
    editor.commands.setContent(markdownToDoc(value), { emitUpdate: false });
  }, [editor, value]);

  useEffect(() => {
    editor?.setEditable(!disabled);
  }, [editor, disabled]);

  const invalid = !!error;
  useEffect(() => {
    if (editor) editor.setOptions({ editorProps: { ...editor.options.editorProps, attributes: editorAttributes(invalid) } });
  }, [editor, invalid]);

  function toggleSource() {
    writeMode(!source);
    if (source) requestAnimationFrame(() => editor?.commands.focus());
  }

  function insertImage(current: Editor, image: PickedImage, at: number | null) {
    if (!image.src) return;
    const node = { type: "image", attrs: { src: image.src, alt: image.alt, title: captionLine(image.caption, image.credit) || null } };
    const chain = current.chain().focus();
    (at === null ? chain.insertContent(node) : chain.insertContentAt(at, node)).run();
  }

  const stats = textStats(value);
  return (
    <div className="md-field">
      <EditorToolbar
        editor={editor}
        source={source}
        disabled={disabled}
        onToggleSource={toggleSource}
        onLink={() => openLink.current()}
        onImage={() => setDialog({ kind: "image", file: null, at: null })}
        onImageText={() => setDialog({ kind: "imageText" })}
      />
      {source ? (
        <MarkdownField value={value} onChange={onChange} disabled={disabled} error={error} />
      ) : (
        <div className="rich-field">
          <span className="rich-label" aria-hidden="true">
            正文
          </span>
          <EditorContent editor={editor} className="rich-frame story" />
          {/* The form sends the Markdown, whichever view is open. */}
          <input type="hidden" name="body" value={value} />
          {error ? (
            <span id="body-error" className="field-error">
              {error.join(" ")}
            </span>
          ) : null}
        </div>
      )}
      <p id="story-stats" className="muted">
        字数 {stats.words} · 约 {stats.readingMinutes} 分钟读完
      </p>
      {dialog?.kind === "link" && editor ? (
        <LinkDialog
          href={dialog.href}
          needsText={dialog.needsText}
          onClose={() => {
            setDialog(null);
            editor.commands.focus();
          }}
          onRemove={dialog.href ? () => editor.chain().focus().extendMarkRange("link").unsetLink().run() : null}
          onApply={({ href, text }) => {
            const chain = editor.chain().focus();
            if (dialog.needsText) chain.insertContent({ type: "text", text, marks: [{ type: "link", attrs: { href } }] }).run();
            else chain.extendMarkRange("link").setLink({ href }).run();
          }}
        />
      ) : null}
      {dialog?.kind === "imageText" && editor ? (
        <ImageTextDialog
          alt={String(editor.getAttributes("image").alt ?? "")}
          caption={String(editor.getAttributes("image").title ?? "")}
          onClose={() => {
            setDialog(null);
            editor.commands.focus();
          }}
          onApply={({ alt, caption }) => editor.chain().focus().updateAttributes("image", { alt, title: caption || null }).run()}
        />
      ) : null}
      {dialog?.kind === "image" && editor ? (
        <MediaPickerDialog
          purpose="body"
          file={dialog.file}
          onClose={() => {
            setDialog(null);
            editor.commands.focus();
          }}
          onPick={(image) => insertImage(editor, image, dialog.at)}
        />
      ) : null}
    </div>
  );
}
