import type { Element, ElementContent, Root } from "hast";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

// Raw HTML in a story body is dropped (remark-rehype without allowDangerousHtml), and the resulting
// tree is sanitized with GitHub's allow-list, so a body can never carry script, styles or
// javascript: links to readers. The editor preview uses this same function.
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype)
  .use(rehypeSanitize, { ...defaultSchema, clobberPrefix: "md-" })
  .use(rehypeFigures)
  .use(rehypeStringify);

/**
 * An image alone in its paragraph with a title (`![替代文字](/media/x.jpg "说明 摄影")`, what the editor
 * writes for a photo with a caption) becomes a figure with that caption. It runs after sanitizing and
 * only rearranges clean nodes, putting the title in as text.
 */
function rehypeFigures() {
  const isBlank = (node: ElementContent) => node.type === "text" && node.value.trim() === "";
  return (tree: Root) => {
    tree.children = tree.children.map((node) => {
      if (node.type !== "element" || node.tagName !== "p") return node;
      const content = node.children.filter((child) => !isBlank(child));
      const img = content[0];
      if (content.length !== 1 || img?.type !== "element" || img.tagName !== "img") return node;
      const title = img.properties.title;
      if (typeof title !== "string" || !title.trim()) return node;
      const { title: _title, ...properties } = img.properties;
      const figure: Element = {
        type: "element",
        tagName: "figure",
        properties: {},
        children: [
          { ...img, properties },
          { type: "element", tagName: "figcaption", properties: {}, children: [{ type: "text", value: title }] },
        ],
      };
      return figure;
    });
  };
}

export function renderMarkdown(markdown: string): string {
  return String(processor.processSync(markdown));
}

/** Plain text of a Markdown body, for descriptions, feeds and snippets. */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/^[#>\-*+\s]+|[*_`~]/gm, "")
    .replace(/\s+/g, " ")
    .trim();
}
