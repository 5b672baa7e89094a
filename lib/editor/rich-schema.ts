import { Node, type AnyExtension } from "@tiptap/core";
import Image from "@tiptap/extension-image";
import { BulletList, ListItem, OrderedList } from "@tiptap/extension-list";
import { Table, TableCell, TableHeader, TableRow } from "@tiptap/extension-table";
import StarterKit from "@tiptap/starter-kit";

// The visual editor's document model: exactly what a story body can say in Markdown (see
// lib/editor/markdown-doc.ts for the two-way conversion). Kept free of React so unit tests can check
// the round trip against the same schema the browser uses.

/** Loose lists (blank lines between items) must stay loose, or saving without an edit would change the text. */
const spread = { spread: { default: false, rendered: false } };

/** An image block: the Markdown title is its caption (lib/markdown.ts renders it as a <figcaption>). */
export const FigureImage = Image.extend({
  renderHTML({ node, HTMLAttributes }) {
    const caption = typeof node.attrs.title === "string" ? node.attrs.title : "";
    const { title: _title, ...img } = HTMLAttributes as Record<string, unknown>;
    return caption ? ["figure", { class: "md-figure" }, ["img", img], ["figcaption", {}, caption]] : ["figure", { class: "md-figure" }, ["img", img]];
  },
}).configure({ inline: false, allowBase64: false });

/**
 * Markdown the editor has no widget for (raw HTML, footnotes, task lists) is kept verbatim as a block
 * the writer can see but edits in the source view, so switching views never loses text.
 */
export const RawBlock = Node.create({
  name: "rawBlock",
  group: "block",
  atom: true,
  selectable: true,
  addAttributes() {
    return { source: { default: "", rendered: false } };
  },
  parseHTML() {
    return [{ tag: "pre[data-markdown-source]", getAttrs: (element) => ({ source: element.textContent ?? "" }) }];
  },
  renderHTML({ node }) {
    return ["pre", { "data-markdown-source": "", class: "md-raw", title: "Markdown 源码：请切换到“Markdown 源码”修改" }, String(node.attrs.source)];
  },
});

/** The inline counterpart of RawBlock (inline HTML, footnote references). */
export const RawInline = Node.create({
  name: "rawInline",
  group: "inline",
  inline: true,
  atom: true,
  addAttributes() {
    return { source: { default: "", rendered: false } };
  },
  parseHTML() {
    return [{ tag: "code[data-markdown-source]", getAttrs: (element) => ({ source: element.textContent ?? "" }) }];
  },
  renderHTML({ node }) {
    return ["code", { "data-markdown-source": "", class: "md-raw" }, String(node.attrs.source)];
  },
});

/** Column alignment of a Markdown table (`:--`, `:-:`, `--:`), carried through unchanged. */
const AlignedTable = Table.extend({
  addAttributes() {
    return { ...this.parent?.(), align: { default: null, rendered: false } };
  },
}).configure({ resizable: false });

export function richExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      // Markdown has no underline; lists are added below with their spacing attribute.
      underline: false,
      bulletList: false,
      orderedList: false,
      listItem: false,
      heading: { levels: [1, 2, 3, 4, 5, 6] },
      // No autolink: it makes links "inclusive", so text typed after a link would join it.
      link: { openOnClick: false, autolink: false, defaultProtocol: "https", HTMLAttributes: { rel: "noopener noreferrer nofollow", target: null } },
    }),
    BulletList.extend({
      addAttributes() {
        return { ...this.parent?.(), ...spread };
      },
    }),
    OrderedList.extend({
      addAttributes() {
        return { ...this.parent?.(), ...spread };
      },
    }),
    ListItem.extend({
      addAttributes() {
        return { ...this.parent?.(), ...spread };
      },
    }),
    FigureImage,
    AlignedTable,
    TableRow,
    TableHeader,
    TableCell,
    RawBlock,
    RawInline,
  ];
}
