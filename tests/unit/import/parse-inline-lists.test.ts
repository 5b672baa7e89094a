// Lists not laid out one item per line: items inside a paragraph, unnumbered lists in a sentence, two
// items on one line, and several lists each introduced by a line of prose.

import { describe, expect, it } from "vitest";

import { parseRoundupDocument } from "../../../lib/import/parse";
import { onlyRoundup, parseFixture } from "./helpers";

const titles = (doc: { items: { title: string }[] }) => doc.items.map((item) => item.title);
const ranks = (count: number) => Array.from({ length: count }, (_, index) => index + 1);

describe("items inline in a paragraph, rank 1 named only in the lead", () => {
  it("splits “其余……依序是：2.…；3.…” and takes rank 1 from “获选为十大新闻榜首”", () => {
    const doc = parseFixture("shapes/inline-lead-rank-one.txt");
    const roundup = onlyRoundup(doc);
    expect(roundup.items.map((item) => item.rank)).toEqual(ranks(10));
    expect(roundup.items[0]?.title).toBe("青禾新机场启用");
    expect(roundup.items[1]?.title).toBe("滨江隧道贯通");
    expect(roundup.items[9]?.title).toBe("全市实现村村通公交");
    expect(roundup.year).toBe(2009);
    expect(doc.warnings.some((warning) => warning.includes("第1条") && warning.includes("榜首"))).toBe(true);
  });

  it("reads a lead and its items on one line, with a quoted first item and “、” numbering", () => {
    const roundup = onlyRoundup(parseFixture("shapes/inline-same-line-lead.txt"));
    expect(roundup.items.map((item) => item.rank)).toEqual(ranks(10));
    expect(roundup.items[0]?.title).toBe("南屏地铁一号线开通");
    expect(roundup.items[9]?.title).toBe("城乡公交一体化完成");
    expect(roundup.publisher).toBe("南屏晚报");
  });

  it("reads the same shape in Traditional script and keeps the text as written", () => {
    const roundup = onlyRoundup(parseFixture("shapes/inline-traditional.txt"));
    expect(roundup.title).toBe("東灣2012年十大新聞");
    expect(roundup.items[0]?.title).toBe("東灣捷運通車");
    expect(roundup.items[5]?.title).toBe("颱風過境全市停班停課");
    expect(roundup.items).toHaveLength(10);
  });

  it("leaves numbered sub-points inside an item of a block list alone", () => {
    const roundup = onlyRoundup(
      parseRoundupDocument(
        "2023年北湾十大新闻\n1、北湾港扩建\n主要工程有：1.新建泊位；2.疏浚航道；3.扩建堆场。\n2、北湾大桥通车\n3、北湾机场改造\n",
      ),
    );
    expect(titles(roundup)).toEqual(["北湾港扩建", "北湾大桥通车", "北湾机场改造"]);
    expect(roundup.items[0]?.paragraphs).toEqual(["主要工程有：1.新建泊位；2.疏浚航道；3.扩建堆场。"]);
  });
});

describe("unnumbered lists after “……是：” / “……如下：”", () => {
  it("splits on “；” in document order and says so once", () => {
    const doc = parseFixture("shapes/unnumbered-semicolon.txt");
    const roundup = onlyRoundup(doc);
    expect(roundup.items.map((item) => item.rank)).toEqual(ranks(10));
    expect(roundup.items[0]?.title).toBe("北湾地铁二号线开通");
    expect(roundup.items[9]?.title).toBe("北湾书房开到家门口");
    expect(roundup.intro).toBe("经市民投票，今年入选的十大民生新闻依次是：");
    expect(doc.warnings.filter((warning) => warning.includes("没有编号"))).toHaveLength(1);
  });

  it("splits on “、” and takes the title from the sentence", () => {
    const roundup = onlyRoundup(parseFixture("shapes/unnumbered-comma.txt"));
    expect(titles(roundup)).toEqual(["高速公路通车", "县医院迁建", "农产品电商产业园投运", "全域旅游示范县创建成功", "西岭中学新校区启用"]);
    expect(roundup.title).toBe("西岭县2018年度十件大事");
    expect(roundup.year).toBe(2018);
  });

  it("reads Traditional “分別是：” and does not take “本報編輯部” for a publisher", () => {
    const roundup = onlyRoundup(parseFixture("shapes/unnumbered-traditional.txt"));
    expect(titles(roundup)).toHaveLength(5);
    expect(roundup.items[1]?.title).toBe("舊港區改建為文化園區");
    expect(roundup.publisher).toBeNull();
  });

  it("does not split prose lists such as “经部门推荐、线上投票、专家评审” when items are numbered", () => {
    const roundup = onlyRoundup(parseFixture("reader-vote.txt"));
    expect(roundup.intro).toContain("经部门推荐、线上投票、专家评审");
  });
});

describe("two items on one line", () => {
  it("separates “3、…。4、…。” and splits each into title and body", () => {
    const doc = parseFixture("shapes/two-on-one-line.txt");
    const roundup = onlyRoundup(doc);
    expect(roundup.items.map((item) => item.rank)).toEqual(ranks(5));
    expect(roundup.items[2]).toMatchObject({ title: "东川职业大学获批设立", paragraphs: ["学校首批招收本科生一千二百人。"] });
    expect(roundup.items[3]).toMatchObject({ title: "东川蜜橘入选国家地理标志产品", paragraphs: ["全县蜜橘收购价提高两成。"] });
  });

  it("separates full-width “２．…。３．…。”", () => {
    const roundup = onlyRoundup(parseFixture("shapes/two-on-one-line-fullwidth.txt"));
    expect(titles(roundup)).toEqual(["北湾区获评省级文明城区", "北湾古镇完成保护性修缮", "区人民医院胸痛中心通过认证", "北湾湿地公园开园", "全区实现五G信号全覆盖"]);
  });

  it("separates bracketed numbers with nothing between the items", () => {
    const roundup = onlyRoundup(parseFixture("shapes/two-on-one-line-paren.txt"));
    expect(roundup.items.map((item) => item.rank)).toEqual(ranks(5));
    expect(roundup.items[1]?.title).toBe("新建农村公路二十公里");
    expect(roundup.items[4]?.title).toBe("文化广场建成开放");
  });
});

describe("several lists introduced by prose lines ending in “：”", () => {
  it("reads 10 / 3 / 3 block lists, each titled from its own lead line", () => {
    const { roundups } = parseFixture("shapes/prose-lists-10-3-3.txt");
    expect(roundups.map((roundup) => roundup.title)).toEqual(["本市十大新闻", "国内三大新闻", "国际三大新闻"]);
    expect(roundups.map((roundup) => roundup.items.length)).toEqual([10, 3, 3]);
    expect(roundups.map((roundup) => roundup.year)).toEqual([2019, 2019, 2019]);
    expect(roundups[2]?.items[2]?.title).toBe("全球多地出现罕见高温");
  });

  it("reads three inline lists in three paragraphs", () => {
    const { roundups } = parseFixture("shapes/prose-lists-inline.txt");
    expect(roundups.map((roundup) => [roundup.title, roundup.items.length])).toEqual([
      ["东川十大新闻", 10],
      ["省内三大新闻", 3],
      ["国际三大新闻", 3],
    ]);
    expect(roundups[0]?.publisher).toBe("东川日报社");
    expect(roundups[1]?.items[1]?.title).toBe("省博物馆新馆开馆");
  });

  it("reads Traditional “依序是：” and “如下：” leads", () => {
    const { roundups } = parseFixture("shapes/prose-lists-traditional.txt");
    expect(roundups.map((roundup) => [roundup.title, roundup.items.length])).toEqual([
      ["西港十大新聞", 10],
      ["台灣三大新聞", 3],
      ["國際三大新聞", 3],
    ]);
  });
});
