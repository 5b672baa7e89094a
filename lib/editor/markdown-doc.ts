import type { JSONContent } from "@tiptap/core";
import type { AlignType, BlockContent, Definition, Nodes, PhrasingContent, Root, RootContent, TableCell, TableRow } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkStringify from "remark-stringify";
import { unified } from "unified";

// Markdown ⇄ the visual editor's document (lib/editor/rich-schema.ts). Both directions go through
// remark, the parser lib/markdown.ts renders with, so the editor shows exactly what readers will see
// and the stored body stays Markdown. Text is written back in the house style (`-` bullets, `*`
// emphasis, `**` strong, `---` rules, ATX headings), which is how bodies are typed and imported, so a
// body opened and saved without an edit comes back unchanged.

const parser = unified().use(remarkParse).use(remarkGfm);
const writer = unified()
  // Tables are not padded into columns: Chinese characters are two columns wide, and padding would
  // rewrite every row when one cell changes.
  .use(remarkGfm, { tablePipeAlign: false })
  .use(remarkStringify, { bullet: "-", emphasis: "*", strong: "*", rule: "-", fence: "`", fences: true, listItemIndent: "one", incrementListMarker: true });

type Mark = { type: string; attrs?: Record<string, unknown> };

function sourceOf(node: Nodes, markdown: string): string {
  if ("value" in node && node.type === "html") return node.value;
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start !== undefined && end !== undefined ? markdown.slice(start, end) : "";
}

/** Markdown → the editor's JSON document. */
export function markdownToDoc(markdown: string): JSONContent {
  const root = parser.parse(markdown);
  const definitions = new Map<string, Definition>();
  const collect = (node: Nodes) => {
    if (node.type === "definition") definitions.set(node.identifier, node);
    if ("children" in node) node.children.forEach(collect);
  };
  collect(root);

  const inline = (nodes: PhrasingContent[], marks: Mark[]): JSONContent[] =>
    nodes.flatMap((node): JSONContent[] => {
      const withMarks = (extra: Mark) => inline(node.type === "text" || !("children" in node) ? [] : (node.children as PhrasingContent[]), [...marks, extra]);
      switch (node.type) {
        case "text":
          return node.value ? [{ type: "text", text: node.value, ...(marks.length ? { marks } : {}) }] : [];
        case "strong":
          return withMarks({ type: "bold" });
        case "emphasis":
          return withMarks({ type: "italic" });
        case "delete":
          return withMarks({ type: "strike" });
        case "inlineCode":
          return [{ type: "text", text: node.value, marks: [{ type: "code" }] }];
        case "link":
          return withMarks({ type: "link", attrs: { href: node.url, title: node.title ?? null } });
        case "linkReference": {
          // Reference links become plain links: the same output, and one way to edit them.
          const definition = definitions.get(node.identifier);
          return definition ? withMarks({ type: "link", attrs: { href: definition.url, title: definition.title ?? null } }) : [{ type: "rawInline", attrs: { source: sourceOf(node, markdown) } }];
        }
        case "break":
          return [{ type: "hardBreak" }];
        default:
          return [{ type: "rawInline", attrs: { source: sourceOf(node, markdown) } }];
      }
    });

  const image = (node: PhrasingContent): JSONContent | null =>
    node.type === "image" ? { type: "image", attrs: { src: node.url, alt: node.alt ?? "", title: node.title ?? null } } : null;

  // Images are blocks in the editor (a figure with its caption): a paragraph holding text and an
  // image is split around it, which readers see the same way since the renderer shows images as blocks.
  const paragraph = (children: PhrasingContent[]): JSONContent[] => {
    const out: JSONContent[] = [];
    let run: PhrasingContent[] = [];
    const flush = () => {
      const content = inline(run, []);
      if (content.some((node) => node.type !== "text" || (node.text ?? "").trim() !== "")) out.push({ type: "paragraph", content });
      run = [];
    };
    for (const child of children) {
      const figure = image(child);
      if (figure) {
        flush();
        out.push(figure);
      } else run.push(child);
    }
    flush();
    return out;
  };

  const cells = (row: TableRow, header: boolean): JSONContent => ({
    type: "tableRow",
    content: row.children.map((cell: TableCell) => ({ type: header ? "tableHeader" : "tableCell", content: [{ type: "paragraph", content: inline(cell.children, []) }] })),
  });

  const blocks = (nodes: RootContent[]): JSONContent[] =>
    nodes.flatMap((node): JSONContent[] => {
      switch (node.type) {
        case "paragraph":
          return paragraph(node.children);
        case "heading":
          return [{ type: "heading", attrs: { level: node.depth }, content: inline(node.children, []) }];
        case "blockquote":
          return [{ type: "blockquote", content: nonEmpty(blocks(node.children)) }];
        case "list":
          if (node.children.some((item) => typeof item.checked === "boolean")) return [{ type: "rawBlock", attrs: { source: sourceOf(node, markdown) } }];
          return [
            {
              type: node.ordered ? "orderedList" : "bulletList",
              attrs: node.ordered ? { start: node.start ?? 1, spread: !!node.spread } : { spread: !!node.spread },
              content: node.children.map((item) => {
                const content = blocks(item.children);
                // A list item starts with a paragraph in the editor's schema.
                if (content[0]?.type !== "paragraph") content.unshift({ type: "paragraph" });
                return { type: "listItem", attrs: { spread: !!item.spread }, content };
              }),
            },
          ];
        case "thematicBreak":
          return [{ type: "horizontalRule" }];
        case "code":
          return [{ type: "codeBlock", attrs: { language: node.lang ?? null }, content: node.value ? [{ type: "text", text: node.value }] : [] }];
        case "table": {
          const [head, ...rest] = node.children;
          return head ? [{ type: "table", attrs: { align: node.align ?? null }, content: [cells(head, true), ...rest.map((row) => cells(row, false))] }] : [];
        }
        case "definition":
          // Already folded into the links that use it.
          return [];
        default:
          return [{ type: "rawBlock", attrs: { source: sourceOf(node, markdown) } }];
      }
    });

  return { type: "doc", content: nonEmpty(blocks(root.children)) };
}

function nonEmpty(content: JSONContent[]): JSONContent[] {
  return content.length ? content : [{ type: "paragraph" }];
}

// Nesting order when several marks cover the same text: a link around italic around bold (how `***text***` parses).
const MARK_ORDER = ["link", "italic", "bold", "strike"];

function sameMark(a: Mark | undefined, b: Mark): boolean {
  return !!a && a.type === b.type && (a.type !== "link" || (a.attrs?.href === b.attrs?.href && (a.attrs?.title ?? null) === (b.attrs?.title ?? null)));
}

type Piece = { node: JSONContent; marks: Mark[] };

function phrasing(pieces: Piece[], depth: number): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let i = 0;
  while (i < pieces.length) {
    const piece = pieces[i] as Piece;
    const mark = piece.marks[depth];
    if (!mark) {
      out.push(leaf(piece));
      i += 1;
      continue;
    }
    let j = i + 1;
    while (j < pieces.length && sameMark(pieces[j]?.marks[depth], mark)) j += 1;
    const children = phrasing(pieces.slice(i, j), depth + 1);
    if (mark.type === "link") {
      const title = typeof mark.attrs?.title === "string" && mark.attrs.title ? mark.attrs.title : null;
      out.push({ type: "link", url: String(mark.attrs?.href ?? ""), title, children });
    } else out.push({ type: mark.type === "bold" ? "strong" : mark.type === "italic" ? "emphasis" : "delete", children });
    i = j;
  }
  return out;
}

function leaf({ node }: Piece): PhrasingContent {
  if (node.type === "hardBreak") return { type: "break" };
  if (node.type === "rawInline") return { type: "html", value: String(node.attrs?.source ?? "") };
  const text = node.text ?? "";
  return node.marks?.some((mark) => mark.type === "code") ? { type: "inlineCode", value: text } : { type: "text", value: text };
}

function inlineToMdast(content: JSONContent[] | undefined): PhrasingContent[] {
  const pieces = (content ?? []).map((node) => ({
    node,
    marks: (node.marks ?? [])
      .filter((mark) => MARK_ORDER.includes(mark.type))
      .sort((a, b) => MARK_ORDER.indexOf(a.type) - MARK_ORDER.indexOf(b.type)) as Mark[],
  }));
  return phrasing(pieces, 0);
}

function plainCell(cell: JSONContent): PhrasingContent[] {
  // Markdown table cells hold one line: several paragraphs typed into a cell are joined by a space.
  const paragraphs = (cell.content ?? []).map((block) => inlineToMdast(block.content));
  return paragraphs.flatMap((children, index) => (index === 0 ? children : [{ type: "text", value: " " } as PhrasingContent, ...children]));
}

function blockToMdast(node: JSONContent): RootContent[] {
  const children = (node.content ?? []).flatMap(blockToMdast);
  switch (node.type) {
    case "paragraph": {
      const inline = inlineToMdast(node.content);
      return inline.length ? [{ type: "paragraph", children: inline }] : [];
    }
    case "heading":
      return [{ type: "heading", depth: Math.min(6, Math.max(1, Number(node.attrs?.level ?? 2))) as 1 | 2 | 3 | 4 | 5 | 6, children: inlineToMdast(node.content) }];
    case "blockquote":
      return [{ type: "blockquote", children: children as BlockContent[] }];
    case "bulletList":
    case "orderedList": {
      const ordered = node.type === "orderedList";
      const items = (node.content ?? []).map((item) => ({
        type: "listItem" as const,
        spread: !!item.attrs?.spread,
        children: (item.content ?? []).flatMap(blockToMdast) as BlockContent[],
      }));
      return [{ type: "list", ordered, start: ordered ? Number(node.attrs?.start ?? 1) : null, spread: !!node.attrs?.spread, children: items }];
    }
    case "horizontalRule":
      return [{ type: "thematicBreak" }];
    case "codeBlock":
      return [{ type: "code", lang: typeof node.attrs?.language === "string" ? node.attrs.language : null, value: (node.content ?? []).map((text) => text.text ?? "").join("") }];
    case "image": {
      const title = typeof node.attrs?.title === "string" && node.attrs.title ? node.attrs.title : null;
      return [{ type: "paragraph", children: [{ type: "image", url: String(node.attrs?.src ?? ""), alt: String(node.attrs?.alt ?? ""), title }] }];
    }
    case "table": {
      const rows = (node.content ?? []).map((row) => ({ type: "tableRow" as const, children: (row.content ?? []).map((cell) => ({ type: "tableCell" as const, children: plainCell(cell) })) }));
      const width = Math.max(0, ...rows.map((row) => row.children.length));
      const align = Array.isArray(node.attrs?.align) ? (node.attrs.align as AlignType[]) : Array.from({ length: width }, () => null);
      return rows.length ? [{ type: "table", align, children: rows }] : [];
    }
    case "rawBlock":
      return [{ type: "html", value: String(node.attrs?.source ?? "") }];
    default:
      return children;
  }
}

/** The editor's JSON document → Markdown in the house style, without a trailing newline. */
export function docToMarkdown(doc: JSONContent): string {
  const root: Root = { type: "root", children: (doc.content ?? []).flatMap(blockToMdast) };
  return writer.stringify(root).replace(/\n+$/, "");
}
