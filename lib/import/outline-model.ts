// The import preview's outline as the editor corrects it: its shape (text fields as typed), the
// conversions from and to the interchange form, and the helpers every correction builds on. The
// corrections themselves are in outline-edit.ts.

import type { ImportJsonItem, ImportJsonRoundup } from "./parse";

export type EditItem = {
  key: string;
  rank: number;
  title: string;
  /** Paragraphs separated by blank lines, as typed in one text area. */
  body: string;
  caption: string;
  credit: string;
  /** As typed; "" when there is no count. */
  votes: string;
};

export type EditList = {
  key: string;
  title: string;
  year: string;
  publisher: string;
  intro: string;
  outro: string;
  caption: string;
  credit: string;
  ordering: "rank" | "date";
  items: EditItem[];
  /** Paragraphs not yet placed in an item (the whole document when the parser found no items). */
  unassigned: string[];
};

export type KeyMaker = () => string;

/** Keys only tell React which rows are which; a counter per editor is enough. */
export function keyMaker(prefix = "k"): KeyMaker {
  let next = 0;
  return () => `${prefix}${(next += 1)}`;
}

const PARAGRAPH_BREAK = /\n\s*\n/;

export function paragraphsOf(body: string): string[] {
  return body
    .split(PARAGRAPH_BREAK)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== "");
}

export function joinParagraphs(...parts: string[]): string {
  return parts.map((part) => part.trim()).filter((part) => part !== "").join("\n\n");
}

export function toEditLists(roundups: readonly ImportJsonRoundup[], key: KeyMaker): EditList[] {
  return roundups.map((roundup) => ({
    key: key(),
    title: roundup.title,
    year: roundup.year === null ? "" : String(roundup.year),
    publisher: roundup.publisher ?? "",
    intro: roundup.intro ?? "",
    outro: roundup.outro ?? "",
    caption: roundup.caption ?? "",
    credit: roundup.credit ?? "",
    ordering: roundup.ordering,
    items: roundup.items.map((item) => ({
      key: key(),
      rank: item.rank,
      title: item.title,
      body: joinParagraphs(...item.paragraphs),
      caption: item.caption ?? "",
      credit: item.credit ?? "",
      votes: item.votes === null ? "" : String(item.votes),
    })),
    unassigned: [...roundup.unassigned],
  }));
}

function orNull(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === "" ? null : trimmed;
}

/** A number typed in a field: null when empty, NaN (refused by the server's check) when not a number. */
function numberOrNull(text: string): number | null {
  const trimmed = text.trim().replace(/[,，]/g, "");
  return trimmed === "" ? null : Number(trimmed);
}

/** The outline in the interchange form the server validates. */
export function fromEditLists(lists: readonly EditList[]): ImportJsonRoundup[] {
  return lists.map((list) => ({
    title: list.title.trim(),
    year: numberOrNull(list.year),
    publisher: orNull(list.publisher),
    intro: orNull(list.intro),
    outro: orNull(list.outro),
    caption: orNull(list.caption),
    credit: orNull(list.credit),
    ordering: list.ordering,
    items: list.items.map(
      (item): ImportJsonItem => ({
        rank: item.rank,
        title: item.title.trim(),
        paragraphs: paragraphsOf(item.body),
        caption: orNull(item.caption),
        credit: orNull(item.credit),
        votes: numberOrNull(item.votes),
      }),
    ),
    unassigned: list.unassigned,
  }));
}

export function renumbered(items: readonly EditItem[]): EditItem[] {
  return items.map((item, index) => ({ ...item, rank: index + 1 }));
}

export function updateList(lists: readonly EditList[], listIndex: number, change: (list: EditList) => EditList): EditList[] {
  return lists.map((list, index) => (index === listIndex ? change(list) : list));
}

export function updateItems(lists: readonly EditList[], listIndex: number, change: (items: EditItem[]) => EditItem[]): EditList[] {
  return updateList(lists, listIndex, (list) => ({ ...list, items: renumbered(change([...list.items])) }));
}

export function renumber(lists: readonly EditList[], listIndex: number): EditList[] {
  return updateItems(lists, listIndex, (items) => items);
}

/** Changes one field of an item (title, body, rank…) without touching the others. */
export function editItem(lists: readonly EditList[], listIndex: number, itemIndex: number, patch: Partial<Omit<EditItem, "key">>): EditList[] {
  return updateList(lists, listIndex, (list) => ({
    ...list,
    items: list.items.map((item, index) => (index === itemIndex ? { ...item, ...patch } : item)),
  }));
}

export function editList(lists: readonly EditList[], listIndex: number, patch: Partial<Omit<EditList, "key" | "items">>): EditList[] {
  return updateList(lists, listIndex, (list) => ({ ...list, ...patch }));
}

