// The outline editor's item buttons as commands: what each asks for, how it is applied, and what the
// editor tells the user afterwards (including why nothing happened).

import {
  firstParagraphToTitle,
  itemToParagraphs,
  mergeWithNext,
  moveCaption,
  moveItem,
  paragraphToCaption,
  splitItem,
  startListAt,
  titleTailToBody,
} from "./outline-edit";
import { editItem, type EditItem, type EditList, type KeyMaker } from "./outline-model";

/** What an item's buttons in the outline editor ask for. */
export type ItemCommand =
  | { kind: "edit"; patch: Partial<Omit<EditItem, "key">> }
  | { kind: "split"; cursor: number }
  | { kind: "merge-next" }
  | { kind: "title-tail-to-body"; cursor: number }
  | { kind: "first-paragraph-to-title" }
  | { kind: "paragraph-to-caption"; cursor: number }
  | { kind: "caption-to"; offset: -1 | 1 }
  | { kind: "move"; offset: -1 | 1 }
  | { kind: "start-list" }
  | { kind: "to-paragraphs" };

// Said when an action had nothing to act on, so a keyboard or screen-reader user knows why nothing moved.
export const ITEM_COMMAND_NOTHING: Record<ItemCommand["kind"], string> = {
  edit: "",
  split: "光标之后没有文字可拆：请先在正文里把光标放在新条目开始的地方。",
  "merge-next": "这是最后一条，没有下一条可合并。",
  "title-tail-to-body": "请先在标题里把光标放在要拆开的位置（光标前后都要有文字）。",
  "first-paragraph-to-title": "正文是空的，没有可并入标题的段落。",
  "paragraph-to-caption": "请先在正文里把光标放进要设为图片说明的那一段。",
  "caption-to": "这一条没有图片说明可移动。",
  move: "已经到头了。",
  "start-list": "第一条不能另起新榜单。",
  "to-paragraphs": "",
};

export const ITEM_COMMAND_DONE: Record<ItemCommand["kind"], string> = {
  edit: "",
  split: "已拆成两条，后面的序号已顺延。",
  "merge-next": "已与下一条合并，后面的序号已前移。",
  "title-tail-to-body": "已把标题后半部分移到正文开头。",
  "first-paragraph-to-title": "已把正文第一段并入标题。",
  "paragraph-to-caption": "已把这一段设为图片说明。",
  "caption-to": "图片说明已移动。",
  move: "已移动，序号已重排。",
  "start-list": "已从这一条起另成一个新榜单，请填写它的标题。",
  "to-paragraphs": "这一条已退回为未归类段落（在本榜单末尾）。",
};

/** Applies one item command; null when it had nothing to act on. */
export function applyItemCommand(lists: readonly EditList[], listIndex: number, itemIndex: number, command: ItemCommand, key: KeyMaker): EditList[] | null {
  switch (command.kind) {
    case "edit":
      return editItem(lists, listIndex, itemIndex, command.patch);
    case "split":
      return splitItem(lists, listIndex, itemIndex, command.cursor, key);
    case "merge-next":
      return mergeWithNext(lists, listIndex, itemIndex);
    case "title-tail-to-body":
      return titleTailToBody(lists, listIndex, itemIndex, command.cursor);
    case "first-paragraph-to-title":
      return firstParagraphToTitle(lists, listIndex, itemIndex);
    case "paragraph-to-caption":
      return paragraphToCaption(lists, listIndex, itemIndex, command.cursor);
    case "caption-to":
      return moveCaption(lists, listIndex, itemIndex, itemIndex + command.offset);
    case "move":
      return moveItem(lists, listIndex, itemIndex, command.offset);
    case "start-list":
      return startListAt(lists, listIndex, itemIndex, key);
    case "to-paragraphs":
      return itemToParagraphs(lists, listIndex, itemIndex);
  }
}
