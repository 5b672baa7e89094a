import type { ParsedItem } from "./types";

// A paragraph of plain text must stay plain text in Markdown: a line that starts like a heading,
// quote, list item or numbered item would otherwise change meaning ("1.", "+", "#").
export function paragraphToMarkdown(paragraph: string): string {
  const escaped = paragraph.replace(/([\\`*_[\]<>])/g, "\\$1");
  return escaped
    .replace(/^(\s*)([#>+-])/, (_match, space: string, marker: string) => `${space}\\${marker}`)
    .replace(/^(\s*\d+)([.)])/, (_match, number: string, dot: string) => `${number}\\${dot}`);
}

export function itemBody(item: ParsedItem): string {
  return item.paragraphs.map(paragraphToMarkdown).join("\n\n");
}
