"use client";

import { useEditorState, type Editor } from "@tiptap/react";
import { useSyncExternalStore } from "react";
import { EditorIcon, type IconName } from "./editor-icons";

type Props = {
  editor: Editor | null;
  source: boolean;
  disabled: boolean;
  onToggleSource: () => void;
  onLink: () => void;
  onImage: () => void;
  onImageText: () => void;
};

type Tool = { icon: IconName; label: string; keys?: string; active?: boolean; run: () => void; enabled?: boolean };

const noSubscription = () => () => {};

/** "Ctrl+B" or "⌘B", for tooltips; the server renders the Ctrl form and the browser corrects it. */
function useShortcutLabel(): (keys: string) => string {
  const mac = useSyncExternalStore(noSubscription, () => /Mac|iPhone|iPad/.test(navigator.platform), () => false);
  return (keys) => (mac ? keys.replace("Mod+", "⌘").replace("Alt+", "⌥").replace("Shift+", "⇧") : keys.replace("Mod+", "Ctrl+"));
}

// The formatting toolbar. Buttons say what they do in Chinese (aria-label and tooltip, with the
// shortcut), show whether the format is on at the cursor (aria-pressed), and wrap onto more lines
// on a narrow phone screen instead of overflowing.
export function EditorToolbar({ editor, source, disabled, onToggleSource, onLink, onImage, onImageText }: Props) {
  const shortcut = useShortcutLabel();
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) =>
      current
        ? {
            bold: current.isActive("bold"),
            italic: current.isActive("italic"),
            h2: current.isActive("heading", { level: 2 }),
            h3: current.isActive("heading", { level: 3 }),
            bullet: current.isActive("bulletList"),
            ordered: current.isActive("orderedList"),
            quote: current.isActive("blockquote"),
            link: current.isActive("link"),
            table: current.isActive("table"),
            image: current.isActive("image"),
            undo: current.can().undo(),
            redo: current.can().redo(),
          }
        : null,
  });
  const chain = () => editor?.chain().focus();
  const off = disabled || source || !editor;

  // Shown while the cursor is in a table.
  const tableTools: Tool[] = [
    { icon: "rowAfter", label: "在下方加一行", run: () => chain()?.addRowAfter().run() },
    { icon: "columnAfter", label: "在右侧加一列", run: () => chain()?.addColumnAfter().run() },
    { icon: "deleteTable", label: "删除表格", run: () => chain()?.deleteTable().run() },
  ];
  const tools: Tool[] = [
    { icon: "bold", label: "加粗", keys: "Mod+B", active: state?.bold, run: () => chain()?.toggleBold().run() },
    { icon: "italic", label: "斜体", keys: "Mod+I", active: state?.italic, run: () => chain()?.toggleItalic().run() },
    { icon: "heading2", label: "小标题", keys: "Mod+Alt+2", active: state?.h2, run: () => chain()?.toggleHeading({ level: 2 }).run() },
    { icon: "heading3", label: "三级标题", keys: "Mod+Alt+3", active: state?.h3, run: () => chain()?.toggleHeading({ level: 3 }).run() },
    { icon: "bulletList", label: "项目列表", keys: "Mod+Shift+8", active: state?.bullet, run: () => chain()?.toggleBulletList().run() },
    { icon: "orderedList", label: "编号列表", keys: "Mod+Shift+7", active: state?.ordered, run: () => chain()?.toggleOrderedList().run() },
    { icon: "quote", label: "引用", keys: "Mod+Shift+B", active: state?.quote, run: () => chain()?.toggleBlockquote().run() },
    { icon: "link", label: "链接", keys: "Mod+K", active: state?.link, run: onLink },
    { icon: "image", label: "插入图片", run: onImage },
    // Shown while an image is selected.
    ...(state?.image ? [{ icon: "imageText", label: "编辑图片文字", run: onImageText } satisfies Tool] : []),
    { icon: "rule", label: "分隔线", run: () => chain()?.setHorizontalRule().run() },
    { icon: "table", label: "插入表格", run: () => chain()?.insertTable({ rows: 3, cols: 2, withHeaderRow: true }).run() },
    ...(state?.table ? tableTools : []),
    { icon: "undo", label: "撤销", keys: "Mod+Z", enabled: state?.undo, run: () => chain()?.undo().run() },
    { icon: "redo", label: "重做", keys: "Mod+Shift+Z", enabled: state?.redo, run: () => chain()?.redo().run() },
  ];

  return (
    <div className="md-toolbar" role="toolbar" aria-label="正文格式">
      {tools.map((tool) => {
        const title = tool.keys ? `${tool.label}（${shortcut(tool.keys)}）` : tool.label;
        return (
          <button
            key={tool.label}
            type="button"
            className="tool"
            aria-label={tool.label}
            title={title}
            aria-pressed={tool.active === undefined ? undefined : tool.active}
            disabled={off || tool.enabled === false}
            // Keep the selection in the editor while clicking a button.
            onMouseDown={(event) => event.preventDefault()}
            onClick={tool.run}
          >
            <EditorIcon name={tool.icon} />
          </button>
        );
      })}
      <button type="button" className="tool tool-text" aria-pressed={source} title="在可视编辑与 Markdown 源码之间切换" onClick={onToggleSource}>
        <EditorIcon name="source" /> Markdown 源码
      </button>
    </div>
  );
}
