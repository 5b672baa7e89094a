// The outline editor's corrections, each a pure function over the lists.

import { describe, expect, it } from "vitest";

import {
  firstParagraphToTitle,
  itemToParagraphs,
  joinWithPreviousList,
  listCaptionToItem,
  mergeWithNext,
  moveCaption,
  moveItem,
  paragraphToCaption,
  placeParagraph,
  splitItem,
  startListAt,
  titleTailToBody,
} from "../../../lib/import/outline-edit";
import { fromEditLists, keyMaker, renumber, toEditLists, type EditList } from "../../../lib/import/outline-model";
import { readDocumentOutline, toImportJson } from "../../../lib/import/parse";
import { importOutlineSchema } from "../../../lib/validation/import-outline";

function outlineOf(text: string): EditList[] {
  return toEditLists(toImportJson(readDocumentOutline(text)).roundups, keyMaker());
}

const THREE = "2023年北湾十大新闻\n1、北湾港扩建\n港区新增泊位4个。\n\n2、北湾大桥通车\n大桥全长12.6公里。\n\n3、北湾机场改造\n航站楼扩大一倍。\n";

const titles = (lists: EditList[] | null, list = 0) => lists?.[list]?.items.map((item) => `${item.rank}.${item.title}`);

describe("outline editing", () => {
  it("round-trips the parser's reading unchanged", () => {
    const json = toImportJson(readDocumentOutline(THREE));
    expect(fromEditLists(toEditLists(json.roundups, keyMaker()))).toEqual(json.roundups);
  });

  it("splits an item at the cursor into two, the first line after it becoming the new title", () => {
    const lists = outlineOf("1、北湾港扩建\n港区新增泊位4个。\n北湾大桥通车\n大桥全长12.6公里。\n2、北湾机场改造\n");
    const body = lists[0]!.items[0]!.body;
    const next = splitItem(lists, 0, 0, body.indexOf("北湾大桥"), keyMaker("n"));
    expect(titles(next)).toEqual(["1.北湾港扩建", "2.北湾大桥通车", "3.北湾机场改造"]);
    expect(next?.[0]?.items[0]?.body).toBe("港区新增泊位4个。");
    expect(next?.[0]?.items[1]?.body).toBe("大桥全长12.6公里。");
    expect(splitItem(lists, 0, 0, body.length, keyMaker())).toBeNull();
  });

  it("merges an item with the next, its title becoming a paragraph, and renumbers", () => {
    const next = mergeWithNext(outlineOf(THREE), 0, 0);
    expect(titles(next)).toEqual(["1.北湾港扩建", "2.北湾机场改造"]);
    expect(next?.[0]?.items[0]?.body).toBe("港区新增泊位4个。\n\n北湾大桥通车\n\n大桥全长12.6公里。");
    expect(mergeWithNext(outlineOf(THREE), 0, 2)).toBeNull();
  });

  it("moves the title's tail into the body and a body paragraph back into the title", () => {
    const lists = outlineOf("1、北湾港扩建 港区新增泊位4个\n2、乙\n3、丙\n");
    const moved = titleTailToBody(lists, 0, 0, "北湾港扩建".length);
    expect(moved?.[0]?.items[0]).toMatchObject({ title: "北湾港扩建", body: "港区新增泊位4个" });
    const back = firstParagraphToTitle(moved!, 0, 0);
    expect(back?.[0]?.items[0]).toMatchObject({ title: "北湾港扩建港区新增泊位4个", body: "" });
    expect(titleTailToBody(lists, 0, 0, 0)).toBeNull();
  });

  it("marks the paragraph at the cursor as the caption, splitting off its credit", () => {
    const lists = outlineOf("1、北湾港扩建\n港区新增泊位4个。\n\n港区夜景\n2、乙\n3、丙\n");
    const body = lists[0]!.items[0]!.body;
    const next = paragraphToCaption(lists, 0, 0, body.indexOf("港区夜景") + 1);
    expect(next?.[0]?.items[0]).toMatchObject({ body: "港区新增泊位4个。", caption: "港区夜景", credit: "" });
    const credited = editBody(lists, "港区新增泊位4个。\n\n港区夜景。（新华社记者 王某 摄）");
    const split = paragraphToCaption(credited, 0, 0, credited[0]!.items[0]!.body.length);
    expect(split?.[0]?.items[0]).toMatchObject({ caption: "港区夜景。", credit: "新华社记者 王某 摄" });
  });

  it("moves a caption to the next item and the list's lead caption to an item", () => {
    const lists = outlineOf("2023年北湾十大新闻\n北湾港夜景。本报记者 王某 摄\n1、北湾港扩建\n2、北湾大桥通车\n大桥夜景。（本报记者 李某 摄）\n3、丙\n");
    expect(lists[0]).toMatchObject({ caption: "北湾港夜景。", credit: "本报记者 王某 摄" });
    const moved = moveCaption(lists, 0, 1, 2);
    expect(moved?.[0]?.items.map((item) => item.caption)).toEqual(["", "", "大桥夜景。"]);
    const lead = listCaptionToItem(lists, 0, 0);
    expect(lead?.[0]).toMatchObject({ caption: "", credit: "" });
    expect(lead?.[0]?.items[0]).toMatchObject({ caption: "北湾港夜景。", credit: "本报记者 王某 摄" });
  });

  it("starts a new list at an item, and joins it back", () => {
    const lists = outlineOf(THREE);
    const split = startListAt(lists, 0, 2, keyMaker("n"));
    expect(split?.map((list) => list.items.length)).toEqual([2, 1]);
    expect(titles(split, 1)).toEqual(["1.北湾机场改造"]);
    expect(split?.[1]?.title).toBe("");
    expect(titles(joinWithPreviousList(split!, 1))).toEqual(titles(lists));
  });

  it("moves items and renumbers after a hand-edited rank", () => {
    const lists = outlineOf(THREE);
    expect(titles(moveItem(lists, 0, 2, -1))).toEqual(["1.北湾港扩建", "2.北湾机场改造", "3.北湾大桥通车"]);
    expect(moveItem(lists, 0, 0, -1)).toBeNull();
    const gap = outlineOf("1、甲\n2、乙\n4、丁\n");
    expect(gap[0]?.items.map((item) => item.rank)).toEqual([1, 2, 4]);
    expect(renumber(gap, 0)[0]?.items.map((item) => item.rank)).toEqual([1, 2, 3]);
  });

  it("turns unplaced paragraphs into items, bodies, the title and the intro", () => {
    let lists: EditList[] | null = outlineOf("北湾这一年\n今年北湾发生了许多大事。\n北湾港扩建\n港区新增泊位4个。\n北湾大桥通车\n");
    const key = keyMaker("p");
    expect(lists[0]?.items).toEqual([]);
    expect(lists[0]?.title).toBe("北湾这一年");
    lists = placeParagraph(lists, 0, 0, "intro", key);
    lists = placeParagraph(lists!, 0, 0, "new-item", key);
    lists = placeParagraph(lists!, 0, 0, "last-body", key);
    lists = placeParagraph(lists!, 0, 0, "new-item", key);
    expect(lists?.[0]).toMatchObject({ intro: "今年北湾发生了许多大事。", unassigned: [] });
    expect(lists?.[0]?.items.map((item) => [item.rank, item.title, item.body])).toEqual([
      [1, "北湾港扩建", "港区新增泊位4个。"],
      [2, "北湾大桥通车", ""],
    ]);
    expect(importOutlineSchema.safeParse({ roundups: fromEditLists(lists!) }).success).toBe(true);
  });

  it("sends an item back to the unplaced paragraphs rather than losing it", () => {
    const next = itemToParagraphs(outlineOf(THREE), 0, 1);
    expect(titles(next)).toEqual(["1.北湾港扩建", "2.北湾机场改造"]);
    expect(next?.[0]?.unassigned).toEqual(["北湾大桥通车", "大桥全长12.6公里。"]);
    expect(importOutlineSchema.safeParse({ roundups: fromEditLists(next!) }).success).toBe(false);
  });
});

function editBody(lists: EditList[], body: string): EditList[] {
  return lists.map((list, index) => (index === 0 ? { ...list, items: list.items.map((item, i) => (i === 0 ? { ...item, body } : item)) } : list));
}

describe("the outline schema", () => {
  const valid = () => toImportJson(readDocumentOutline(THREE));

  it("accepts the parser's reading of a well-formed document", () => {
    expect(importOutlineSchema.safeParse(valid()).success).toBe(true);
  });

  it("refuses ranks that skip or repeat, an empty title, unplaced text and a list without items, saying where", async () => {
    const { outlineProblems } = await import("../../../lib/validation/import-outline");
    const json = valid();
    const roundup = json.roundups[0]!;
    const broken = {
      roundups: [
        { ...roundup, items: [roundup.items[0]!, { ...roundup.items[1]!, rank: 3, title: " " }] },
        { ...roundup, items: [], unassigned: ["一段文字"] },
      ],
    };
    const result = importOutlineSchema.safeParse(broken);
    expect(result.success).toBe(false);
    const problems = result.success ? [] : outlineProblems(result.error);
    expect(problems).toContain("第1个榜单第2条的标题：请填写标题。");
    expect(problems.some((problem) => problem.startsWith("第1个榜单的条目：序号须为 1 到 2 各一次"))).toBe(true);
    expect(problems).toContain("第2个榜单的条目：榜单至少要有一条。");
    expect(problems.some((problem) => problem.startsWith("第2个榜单的未归类段落：还有段落没有归入任何条目"))).toBe(true);
  });

  it("refuses a year out of range and a negative vote count", () => {
    const json = valid();
    const roundup = json.roundups[0]!;
    expect(importOutlineSchema.safeParse({ roundups: [{ ...roundup, year: 1800 }] }).success).toBe(false);
    expect(importOutlineSchema.safeParse({ roundups: [{ ...roundup, items: roundup.items.map((item) => ({ ...item, votes: -1 })) }] }).success).toBe(false);
  });
});
