import TurndownService from "turndown";
import { gfm } from "turndown-plugin-gfm";
import { docToMarkdown, markdownToDoc } from "./markdown-doc";

// Text pasted from Word, WPS, Google Docs or a web page arrives as HTML full of styles, spans, fonts
// and Office markup. It is parsed inert (DOMParser runs no scripts and loads nothing), cleaned down to
// what a story body can say, converted by turndown with its GFM plugin, and written in the house
// Markdown style, so a paste gives the same Markdown in the visual editor and in the source view.

const DROP = new Set(["style", "script", "meta", "link", "title", "head", "xml", "template", "iframe", "object", "embed", "svg", "noscript", "form", "input", "button", "select", "textarea"]);
const KEEP_ATTRIBUTES: Record<string, string[]> = { a: ["href", "title"], img: ["src", "alt", "title"], ol: ["start"], th: ["align"], td: ["align"] };
const SAFE_LINK = /^(https?:|mailto:|\/(?!\/))/i;
const SAFE_IMAGE = /^(https?:|\/(?!\/))/i;

function styleOf(element: Element): string {
  return (element.getAttribute("style") ?? "").toLowerCase().replace(/\s+/g, "");
}

function unwrap(element: Element): void {
  element.replaceWith(...Array.from(element.childNodes));
}

function rename(element: Element, tag: string): Element {
  const next = element.ownerDocument.createElement(tag);
  next.append(...Array.from(element.childNodes));
  element.replaceWith(next);
  return next;
}

/** Styled spans (Google Docs, WPS) say bold and italic only through CSS: make that markup. */
function styledSpan(element: Element): void {
  const style = styleOf(element);
  const weight = /font-weight:(bold|[6-9]00)/.exec(style);
  const italic = style.includes("font-style:italic");
  let inner: Element = element;
  if (weight) inner = wrapChildren(inner, "strong");
  if (italic) wrapChildren(inner, "em");
  unwrap(element);
}

function wrapChildren(element: Element, tag: string): Element {
  const wrapper = element.ownerDocument.createElement(tag);
  wrapper.append(...Array.from(element.childNodes));
  element.append(wrapper);
  return wrapper;
}

/** Word writes list items as paragraphs with `mso-list` styles and a typed bullet: rebuild real lists. */
function wordLists(body: HTMLElement): void {
  const paragraphs = Array.from(body.querySelectorAll("p")).filter((p) => /mso-list:l\d+level\d+/.test(styleOf(p)));
  let list: Element | null = null;
  let previous: Element | null = null;
  for (const p of paragraphs) {
    const marker = Array.from(p.querySelectorAll("span")).find((span) => styleOf(span).includes("mso-list:ignore"));
    const ordered = /^\s*(\d+|[a-z]|[ivx]+)[.)、]/i.test(marker?.textContent ?? "");
    marker?.remove();
    const contiguous = previous !== null && list !== null && nextElement(previous) === p;
    if (!contiguous || list === null || (list.tagName === "OL") !== ordered) {
      list = p.ownerDocument.createElement(ordered ? "ol" : "ul");
      p.before(list);
    }
    const item = p.ownerDocument.createElement("li");
    item.append(...Array.from(p.childNodes));
    list.append(item);
    p.remove();
    previous = list;
  }
}

function nextElement(node: Element): Element | null {
  let next = node.nextSibling;
  while (next && next.nodeType !== 1) {
    if ((next.textContent ?? "").trim() !== "") return null;
    next = next.nextSibling;
  }
  return next as Element | null;
}

function cleanTables(body: HTMLElement): void {
  for (const table of Array.from(body.querySelectorAll("table"))) {
    // The GFM plugin reads cells by position, so whitespace between them must go.
    for (const part of Array.from(table.querySelectorAll("tr, thead, tbody, tfoot")).concat(table)) {
      for (const child of Array.from(part.childNodes)) if (child.nodeType === 3) child.remove();
    }
    // A Markdown table needs a header row; Word and WPS tables have none, so the first row becomes it.
    const first = table.querySelector("tr");
    if (first && !first.querySelector("th")) for (const cell of Array.from(first.children)) rename(cell, "th");
    // A cell is one line in Markdown: paragraphs and breaks inside it become spaces.
    for (const cell of Array.from(table.querySelectorAll("td, th"))) {
      for (const block of Array.from(cell.querySelectorAll("p, div, br"))) {
        block.before(" ");
        if (block.tagName === "BR") block.remove();
        else unwrap(block);
      }
    }
  }
}

/** The pasted HTML reduced to headings, paragraphs, lists, quotes, links, bold, italic, images and tables. */
export function cleanPastedHtml(html: string): HTMLElement {
  const body = new DOMParser().parseFromString(html, "text/html").body;
  const walker = body.ownerDocument.createTreeWalker(body, 128 /* NodeFilter.SHOW_COMMENT */);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  comments.forEach((comment) => comment.parentNode?.removeChild(comment));

  for (const element of Array.from(body.querySelectorAll("*"))) {
    const tag = element.tagName.toLowerCase();
    if (DROP.has(tag) || (tag.includes(":") && tag !== "o:p")) element.remove();
  }
  wordLists(body);
  cleanTables(body);

  for (const element of Array.from(body.querySelectorAll("*"))) {
    if (!element.isConnected) continue;
    const tag = element.tagName.toLowerCase();
    const style = styleOf(element);
    if (style.includes("display:none") || style.includes("mso-hide:all")) {
      element.remove();
      continue;
    }
    // Google Docs wraps a whole paste in <b style="font-weight:normal">.
    if ((tag === "b" || tag === "strong") && /font-weight:(normal|[1-4]00)/.test(style)) unwrap(element);
    else if (tag === "span" || tag === "font" || tag === "o:p") styledSpan(element);
    else if (tag === "a" && !SAFE_LINK.test(element.getAttribute("href") ?? "")) unwrap(element);
    else if (tag === "img" && !SAFE_IMAGE.test(element.getAttribute("src") ?? "")) element.remove();
    else if (/^h[1-6]$/.test(tag)) rename(element, `h${Math.min(Number(tag[1]) + 1, 4)}`);
    // Word's "Quote" and "Intense Quote" paragraph styles are what its writers use for block quotes.
    else if (tag === "p" && /\bMso(Intense)?Quote\b/.test(element.getAttribute("class") ?? "")) {
      const quote = element.ownerDocument.createElement("blockquote");
      element.replaceWith(quote);
      quote.append(element);
    }
  }

  for (const element of Array.from(body.querySelectorAll("*"))) {
    const keep = KEEP_ATTRIBUTES[element.tagName.toLowerCase()] ?? [];
    for (const attribute of Array.from(element.attributes)) if (!keep.includes(attribute.name)) element.removeAttribute(attribute.name);
  }
  // Word separates paragraphs with empty ones (&nbsp;): Markdown separates them already.
  for (const block of Array.from(body.querySelectorAll("p, div, h2, h3, h4, li, blockquote"))) {
    if ((block.textContent ?? "").replace(/\u00a0/g, " ").trim() === "" && !block.querySelector("img")) block.remove();
  }
  return body;
}

const turndown = new TurndownService({ headingStyle: "atx", bulletListMarker: "-", emDelimiter: "*", strongDelimiter: "**", hr: "---", codeBlockStyle: "fenced" });
turndown.use(gfm);

/** Pasted HTML → Markdown in the house style (the same subset the visual editor produces). */
export function pastedHtmlToMarkdown(html: string): string {
  const markdown = turndown.turndown(cleanPastedHtml(html)).replace(/\u00a0/g, " ");
  return docToMarkdown(markdownToDoc(markdown));
}
