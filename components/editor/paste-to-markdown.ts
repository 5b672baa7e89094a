// Text pasted from a web page or a word processor arrives as HTML full of styles, spans and Office
// markup. This walks the pasted DOM (parsed inert by DOMParser, so nothing runs) and keeps only what
// Markdown can say: paragraphs, headings, bold, italic, links, lists, quotes and images.

function inline(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return (node.textContent ?? "").replace(/\s+/g, " ");
  if (!(node instanceof HTMLElement)) return "";
  const inner = () => Array.from(node.childNodes).map(inline).join("");
  switch (node.tagName) {
    case "B":
    case "STRONG": {
      const text = inner().trim();
      return text ? `**${text}**` : "";
    }
    case "I":
    case "EM": {
      const text = inner().trim();
      return text ? `*${text}*` : "";
    }
    case "A": {
      const href = node.getAttribute("href") ?? "";
      const text = inner().trim();
      return /^https?:\/\//.test(href) && text ? `[${text}](${href})` : text;
    }
    case "IMG": {
      const src = node.getAttribute("src") ?? "";
      return /^https?:\/\//.test(src) ? `![${node.getAttribute("alt") ?? ""}](${src})` : "";
    }
    case "BR":
      return "\n";
    case "STYLE":
    case "SCRIPT":
      return "";
    default:
      return inner();
  }
}

const BLOCKS = new Set(["P", "DIV", "H1", "H2", "H3", "H4", "H5", "H6", "UL", "OL", "BLOCKQUOTE", "LI", "TABLE", "SECTION", "ARTICLE"]);

function blocks(node: Node, out: string[]): void {
  if (!(node instanceof HTMLElement)) {
    const text = inline(node).trim();
    if (text) out.push(text);
    return;
  }
  const tag = node.tagName;
  if (/^H[1-6]$/.test(tag)) {
    const level = Math.min(Number(tag[1]) + 1, 4);
    out.push(`${"#".repeat(level)} ${inline(node).trim()}`);
  } else if (tag === "UL" || tag === "OL") {
    const items = Array.from(node.children).filter((child) => child.tagName === "LI");
    out.push(items.map((item, i) => `${tag === "OL" ? `${i + 1}.` : "-"} ${inline(item).trim()}`).join("\n"));
  } else if (tag === "BLOCKQUOTE") {
    const inner: string[] = [];
    node.childNodes.forEach((child) => blocks(child, inner));
    out.push(inner.map((block) => block.split("\n").map((line) => `> ${line}`).join("\n")).join("\n>\n"));
  } else if (Array.from(node.children).some((child) => BLOCKS.has(child.tagName))) {
    node.childNodes.forEach((child) => blocks(child, out));
  } else if (tag !== "STYLE" && tag !== "SCRIPT" && tag !== "META") {
    const text = inline(node).replace(/ *\n */g, "\n").trim();
    if (text) out.push(text);
  }
}

export function htmlToMarkdown(html: string): string {
  const doc = new DOMParser().parseFromString(html, "text/html");
  const out: string[] = [];
  doc.body.childNodes.forEach((child) => blocks(child, out));
  return out.join("\n\n");
}
