// What the editor's toolbar does to the body text, as a pure function so it can be tested without a
// browser: wrap the selection inline, or prefix each selected line for block formats.
export type FormatKind = "bold" | "heading" | "link" | "quote" | "list" | "image";

export type Edit = { text: string; start: number; end: number };

const PLACEHOLDER: Record<FormatKind, string> = {
  bold: "粗体文字",
  heading: "小标题",
  link: "链接文字",
  quote: "引文",
  list: "列表项",
  image: "图片说明",
};

const LINE_PREFIX: Partial<Record<FormatKind, string>> = { heading: "## ", quote: "> ", list: "- " };

export function applyFormat(text: string, start: number, end: number, kind: FormatKind, url = "https://"): Edit {
  const selected = text.slice(start, end) || PLACEHOLDER[kind];
  const prefix = LINE_PREFIX[kind];
  if (prefix) {
    const lineStart = text.lastIndexOf("\n", start - 1) + 1;
    const block = (text.slice(lineStart, end) || selected)
      .split("\n")
      .map((line) => (line.startsWith(prefix) ? line : prefix + line))
      .join("\n");
    const before = text.slice(0, lineStart);
    const after = text.slice(end);
    return { text: before + block + after, start: lineStart, end: lineStart + block.length };
  }
  const wrapped = kind === "bold" ? `**${selected}**` : kind === "link" ? `[${selected}](${url})` : `![${selected}](${url})`;
  const inner = kind === "bold" ? 2 : kind === "link" ? 1 : 2;
  return { text: text.slice(0, start) + wrapped + text.slice(end), start: start + inner, end: start + inner + selected.length };
}
