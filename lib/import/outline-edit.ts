// Every correction the import preview's outline editor offers, as a pure function (lists in, new
// lists out, or null when there is nothing to do), so the editor stays a thin view and each action is
// unit-tested.

import { splitCaption } from "./captions";
import {
  editItem,
  editList,
  joinParagraphs,
  paragraphsOf,
  renumbered,
  updateItems,
  updateList,
  type EditItem,
  type EditList,
  type KeyMaker,
} from "./outline-model";

/**
 * Splits an item's body at the cursor: the text after it becomes a new item right below, whose first
 * line is its title. Null when there is nothing after the cursor to split off.
 */
export function splitItem(lists: readonly EditList[], listIndex: number, itemIndex: number, cursor: number, key: KeyMaker): EditList[] | null {
  const item = lists[listIndex]?.items[itemIndex];
  if (!item) return null;
  const before = item.body.slice(0, cursor);
  const after = item.body.slice(cursor).trim();
  if (after === "") return null;
  const newline = after.search(/\n/);
  const title = (newline < 0 ? after : after.slice(0, newline)).trim();
  const body = newline < 0 ? "" : after.slice(newline).trim();
  const added: EditItem = { key: key(), rank: 0, title, body, caption: "", credit: "", votes: "" };
  return updateItems(lists, listIndex, (items) => {
    items.splice(itemIndex, 1, { ...item, body: before.trim() }, added);
    return items;
  });
}

/** Appends the next item (its title as a paragraph, then its body) to this one. Null for the last item. */
export function mergeWithNext(lists: readonly EditList[], listIndex: number, itemIndex: number): EditList[] | null {
  const list = lists[listIndex];
  const item = list?.items[itemIndex];
  const next = list?.items[itemIndex + 1];
  if (!item || !next) return null;
  const merged: EditItem = {
    ...item,
    body: joinParagraphs(item.body, next.title, next.body),
    caption: item.caption || next.caption,
    credit: item.caption || item.credit ? item.credit : next.credit,
    votes: item.votes || next.votes,
  };
  return updateItems(lists, listIndex, (items) => {
    items.splice(itemIndex, 2, merged);
    return items;
  });
}

/** Moves the title's text after the cursor to the start of the body ("标题——说明" left unsplit). */
export function titleTailToBody(lists: readonly EditList[], listIndex: number, itemIndex: number, cursor: number): EditList[] | null {
  const item = lists[listIndex]?.items[itemIndex];
  if (!item) return null;
  const tail = item.title.slice(cursor).trim().replace(/^[—–\-:：,，、\s]+/, "");
  const head = item.title.slice(0, cursor).trim().replace(/[—–\-:：,，、\s]+$/, "");
  if (tail === "" || head === "") return null;
  return editItem(lists, listIndex, itemIndex, { title: head, body: joinParagraphs(tail, item.body) });
}

/** Moves the body's first paragraph into the title (a title wrapped onto the next line, or an empty title). */
export function firstParagraphToTitle(lists: readonly EditList[], listIndex: number, itemIndex: number): EditList[] | null {
  const item = lists[listIndex]?.items[itemIndex];
  if (!item) return null;
  const [first, ...rest] = paragraphsOf(item.body);
  if (!first) return null;
  return editItem(lists, listIndex, itemIndex, { title: `${item.title.trim()}${first}`, body: joinParagraphs(...rest) });
}

/** The paragraph of `body` that holds position `cursor`, with its bounds. */
function paragraphAt(body: string, cursor: number): { start: number; end: number; text: string } | null {
  const breaks = [...body.matchAll(/\n\s*\n/g)];
  let start = 0;
  for (const found of breaks) {
    const end = found.index;
    if (cursor <= end) return { start, end, text: body.slice(start, end).trim() };
    start = end + found[0].length;
  }
  const text = body.slice(start).trim();
  return text ? { start, end: body.length, text } : null;
}

/**
 * Takes the body paragraph at the cursor out of the text and makes it the item's photo caption, split
 * into caption and credit when it ends with one. A caption the item had goes back into the body.
 */
export function paragraphToCaption(lists: readonly EditList[], listIndex: number, itemIndex: number, cursor: number): EditList[] | null {
  const item = lists[listIndex]?.items[itemIndex];
  if (!item) return null;
  const paragraph = paragraphAt(item.body, cursor);
  if (!paragraph) return null;
  const parts = splitCaption(paragraph.text);
  const previous = [item.caption, item.credit].filter((part) => part.trim() !== "").join(" ");
  const body = joinParagraphs(item.body.slice(0, paragraph.start), item.body.slice(paragraph.end), previous);
  return editItem(lists, listIndex, itemIndex, {
    body,
    caption: parts ? (parts.caption ?? "") : paragraph.text,
    credit: parts?.credit ?? "",
  });
}

/** Swaps the photo caption and credit of two items (or moves them, when the other has none). */
export function moveCaption(lists: readonly EditList[], listIndex: number, from: number, to: number): EditList[] | null {
  const list = lists[listIndex];
  const source = list?.items[from];
  const target = list?.items[to];
  if (!source || !target || (!source.caption && !source.credit)) return null;
  const withTarget = editItem(lists, listIndex, to, { caption: source.caption, credit: source.credit });
  return editItem(withTarget, listIndex, from, { caption: target.caption, credit: target.credit });
}

/** Gives the list's lead photo caption to one of its items (the photo shows that item's event). */
export function listCaptionToItem(lists: readonly EditList[], listIndex: number, itemIndex: number): EditList[] | null {
  const list = lists[listIndex];
  const item = list?.items[itemIndex];
  if (!list || !item || (!list.caption && !list.credit)) return null;
  const withItem = editItem(lists, listIndex, itemIndex, { caption: list.caption, credit: list.credit });
  return editList(withItem, listIndex, { caption: item.caption, credit: item.credit });
}

export function moveItem(lists: readonly EditList[], listIndex: number, itemIndex: number, offset: -1 | 1): EditList[] | null {
  const items = lists[listIndex]?.items;
  const target = itemIndex + offset;
  if (!items || target < 0 || target >= items.length) return null;
  return updateItems(lists, listIndex, (copy) => {
    const [moved] = copy.splice(itemIndex, 1);
    if (moved) copy.splice(target, 0, moved);
    return copy;
  });
}

/** Starts a new list at this item: it and the items below move into a list of their own. */
export function startListAt(lists: readonly EditList[], listIndex: number, itemIndex: number, key: KeyMaker): EditList[] | null {
  const list = lists[listIndex];
  if (!list || itemIndex <= 0 || itemIndex >= list.items.length) return null;
  const created: EditList = {
    ...list,
    key: key(),
    title: "",
    intro: "",
    outro: "",
    caption: "",
    credit: "",
    items: renumbered(list.items.slice(itemIndex)),
    unassigned: [],
  };
  const kept: EditList = { ...list, items: renumbered(list.items.slice(0, itemIndex)) };
  return [...lists.slice(0, listIndex), kept, created, ...lists.slice(listIndex + 1)];
}

/** Puts a list's items (and unplaced paragraphs) back at the end of the list above it. */
export function joinWithPreviousList(lists: readonly EditList[], listIndex: number): EditList[] | null {
  const previous = lists[listIndex - 1];
  const list = lists[listIndex];
  if (!previous || !list) return null;
  const joined: EditList = {
    ...previous,
    outro: joinParagraphs(previous.outro, list.intro, list.outro),
    items: renumbered([...previous.items, ...list.items]),
    unassigned: [...previous.unassigned, ...list.unassigned],
  };
  return [...lists.slice(0, listIndex - 1), joined, ...lists.slice(listIndex + 1)];
}

/** Takes an item out of the list; its text goes back among the unplaced paragraphs, so nothing is lost. */
export function itemToParagraphs(lists: readonly EditList[], listIndex: number, itemIndex: number): EditList[] | null {
  const item = lists[listIndex]?.items[itemIndex];
  if (!item) return null;
  const texts = [item.title, ...paragraphsOf(item.body), [item.caption, item.credit].filter(Boolean).join(" ")].filter((text) => text.trim() !== "");
  const without = updateItems(lists, listIndex, (items) => items.filter((_, index) => index !== itemIndex));
  return updateList(without, listIndex, (list) => ({ ...list, unassigned: [...list.unassigned, ...texts] }));
}

export type ParagraphTarget = "new-item" | "last-body" | "last-caption" | "title" | "intro" | "outro" | "discard";

/** Places one unplaced paragraph: as a new item, into the last item, or into the list's own fields. */
export function placeParagraph(lists: readonly EditList[], listIndex: number, paragraphIndex: number, target: ParagraphTarget, key: KeyMaker): EditList[] | null {
  const list = lists[listIndex];
  const paragraph = list?.unassigned[paragraphIndex];
  if (!list || paragraph === undefined) return null;
  const rest = list.unassigned.filter((_, index) => index !== paragraphIndex);
  const last = list.items.at(-1);
  const lastIndex = list.items.length - 1;
  switch (target) {
    case "new-item": {
      const item: EditItem = { key: key(), rank: list.items.length + 1, title: paragraph, body: "", caption: "", credit: "", votes: "" };
      return updateList(lists, listIndex, () => ({ ...list, items: [...list.items, item], unassigned: rest }));
    }
    case "last-body":
      if (!last) return null;
      return editList(editItem(lists, listIndex, lastIndex, { body: joinParagraphs(last.body, paragraph) }), listIndex, { unassigned: rest });
    case "last-caption": {
      if (!last) return null;
      const parts = splitCaption(paragraph);
      const caption = parts ? (parts.caption ?? "") : paragraph;
      return editList(editItem(lists, listIndex, lastIndex, { caption, credit: parts?.credit ?? "" }), listIndex, { unassigned: rest });
    }
    case "title":
      return editList(lists, listIndex, { title: paragraph, unassigned: rest });
    case "intro":
      return editList(lists, listIndex, { intro: joinParagraphs(list.intro, paragraph), unassigned: rest });
    case "outro":
      return editList(lists, listIndex, { outro: joinParagraphs(list.outro, paragraph), unassigned: rest });
    case "discard":
      return editList(lists, listIndex, { unassigned: rest });
  }
}
