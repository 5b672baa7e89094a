// What an item's lines hold besides its title: a description on the same line, the numbering style, a
// vote count, and photo captions with their credits.

import { describe, expect, it } from "vitest";

import { splitCaption } from "../../../lib/import/captions";
import { parseRoundupDocument } from "../../../lib/import/parse";
import { onlyRoundup, parseFixture } from "./helpers";

describe("title and body on one line", () => {
  it("splits “标题——说明” without a warning, the shape being clear", () => {
    const doc = parseFixture("shapes/title-body-dash.txt");
    const roundup = onlyRoundup(doc);
    expect(roundup.items[0]).toMatchObject({ title: "南屏地铁站启用", paragraphs: ["南屏区从此进入地铁时代，首日客流超过三万人次。"] });
    expect(roundup.items[2]).toMatchObject({ title: "区图书馆新馆开放", paragraphs: ["新馆藏书量达到六十万册。"] });
    expect(doc.warnings.some((warning) => warning.includes("当作正文"))).toBe(false);
  });

  it("splits “标题：说明。” with a warning, and keeps “人名：称号” whole", () => {
    const doc = parseFixture("shapes/title-body-colon.txt");
    const roundup = onlyRoundup(doc);
    expect(roundup.items[0]).toMatchObject({ title: "城区供暖改造", paragraphs: ["全县新增集中供暖面积一百二十万平方米，老城区实现全覆盖。"] });
    expect(roundup.items[2]).toMatchObject({ title: "陈海生：坚守海岛三十年的乡村医生", paragraphs: [] });
    expect(doc.warnings.filter((warning) => warning.includes("当作正文"))).toHaveLength(2);
  });

  it("splits English “Title — description”, “Title - description” and “Headline. Sentence.”", () => {
    const doc = parseFixture("shapes/title-body-english.txt");
    const roundup = onlyRoundup(doc);
    expect(roundup.items.slice(0, 3).map((item) => item.title)).toEqual(["Harbor Bridge opens", "Port expansion finished", "City library reopens"]);
    expect(roundup.items[2]?.paragraphs).toEqual(["The renovated building welcomed forty thousand visitors in its first week."]);
    expect(roundup.items[3]).toMatchObject({ title: "Marathon draws record field", paragraphs: [] });
    expect(doc.warnings.filter((warning) => warning.includes("当作正文"))).toHaveLength(1);
  });

  it("splits a headline from its first sentence, after a full stop or a space, with a warning", () => {
    const doc = parseFixture("shapes/title-body-first-sentence.txt");
    const roundup = onlyRoundup(doc);
    expect(roundup.items[0]).toMatchObject({ title: "北湾大桥通车", paragraphs: ["6月18日，历时四年建设的北湾跨海大桥正式通车。"] });
    expect(roundup.items[1]).toMatchObject({ title: "北湾港扩建", paragraphs: ["港区新增泊位四个，全年吞吐量增长一成。"] });
    expect(roundup.items[2]?.paragraphs).toEqual([]);
    expect(doc.warnings.filter((warning) => warning.includes("当作正文"))).toHaveLength(2);
  });

  it("leaves ranges with dashes and headline subtitles after “——” in the title", () => {
    const roundup = onlyRoundup(
      parseRoundupDocument("1、长吉图先导区规划（2020—2030年）获批\n2、奋进新征程——全市经济稳中有进\n3、北湾大桥通车\n"),
    );
    expect(roundup.items[0]?.title).toBe("长吉图先导区规划（2020—2030年）获批");
    expect(roundup.items[1]).toMatchObject({ title: "奋进新征程——全市经济稳中有进", paragraphs: [] });
  });
});

describe("numbering styles", () => {
  it.each([
    ["1.", ["1.甲事件", "2.乙事件", "3.丙事件"]],
    ["1、", ["1、甲事件", "2、乙事件", "3、丙事件"]],
    ["（1）", ["（1）甲事件", "（2）乙事件", "（3）丙事件"]],
    ["(1)", ["(1)甲事件", "(2)乙事件", "(3)丙事件"]],
    ["①", ["①甲事件", "②乙事件", "③丙事件"]],
    ["一、", ["一、甲事件", "二、乙事件", "三、丙事件"]],
    ["第一", ["第一，甲事件", "第二，乙事件", "第三，丙事件"]],
    ["第1位", ["第1位 甲事件", "第2位 乙事件", "第3位 丙事件"]],
    ["No. 1", ["No. 1 甲事件", "No. 2 乙事件", "No.3 丙事件"]],
    ["#1", ["#1 甲事件", "#2 乙事件", "#3 丙事件"]],
    ["full-width １．", ["１．甲事件", "２．乙事件", "３．丙事件"]],
    ["full-width （１）", ["（１）甲事件", "（２）乙事件", "（３）丙事件"]],
  ])("reads “%s” numbering", (_style, lines) => {
    const roundup = onlyRoundup(parseRoundupDocument(`2023年北湾十大新闻\n${lines.join("\n")}\n`));
    expect(roundup.items.map((item) => [item.rank, item.title])).toEqual([
      [1, "甲事件"],
      [2, "乙事件"],
      [3, "丙事件"],
    ]);
  });

  it("reads English “No. 1” items without a heading", () => {
    const roundup = onlyRoundup(parseFixture("shapes/numbering-styles.txt"));
    expect(roundup.items.map((item) => item.title)).toEqual(["Harbor Bridge opens", "Port expansion finished", "City library reopens"]);
  });

  it("does not read “第一季度……” as an item", () => {
    const roundup = onlyRoundup(parseRoundupDocument("1、北湾港扩建\n第一季度完成投资三亿元。\n2、北湾大桥通车\n3、北湾机场改造\n"));
    expect(roundup.items[0]?.paragraphs).toEqual(["第一季度完成投资三亿元。"]);
  });
});

describe("reader votes kept as item metadata", () => {
  it("reads “（得票12,345）”, “（10987票）”, a “得票：” line and “得票数：…票”, and takes them out of the text", () => {
    const roundup = onlyRoundup(parseFixture("shapes/votes.txt"));
    expect(roundup.items.map((item) => [item.title, item.votes])).toEqual([
      ["北湾跨海大桥通车", 12345],
      ["北湾港吞吐量破亿吨", 10987],
      ["市民中心启用", 9876],
      ["北湾马拉松获评金牌赛事", 8001],
    ]);
    expect(roundup.items[2]?.paragraphs).toEqual([]);
    expect(roundup.items[0]?.paragraphs).toEqual(["大桥全长12.6公里。"]);
  });

  it("reads Traditional “得票數” and “獲得…票”", () => {
    const roundup = onlyRoundup(parseFixture("shapes/votes-traditional.txt"));
    expect(roundup.items.map((item) => item.votes)).toEqual([5432, 4321, 3210]);
    expect(roundup.items[2]?.title).toBe("老街修復完成");
  });

  it("reads English “(12,045 votes)” and a “Votes:” line", () => {
    const roundup = onlyRoundup(parseFixture("shapes/votes-english.txt"));
    expect(roundup.items.map((item) => [item.title, item.votes])).toEqual([
      ["Harbor Bridge opens", 12045],
      ["Port expansion finished", 9876],
      ["Library reopens", 7654],
    ]);
  });

  it("leaves a count that is part of the news in the title", () => {
    const roundup = onlyRoundup(parseRoundupDocument("1、全市新增停车位八千个\n2、人大代表投下5000票赞成票后法规通过\n3、北湾机场改造\n"));
    expect(roundup.items[1]).toMatchObject({ title: "人大代表投下5000票赞成票后法规通过", votes: null });
  });
});

describe("photo captions and credits", () => {
  it.each([
    ["港区夜景。（图/路透）", "港区夜景。", "图/路透"],
    ["港区夜景。（圖/路透）", "港区夜景。", "圖/路透"],
    ["乘客在站内候车。新华社发", "乘客在站内候车。", "新华社发"],
    ["乘客在站内候车。（新华社发）", "乘客在站内候车。", "新华社发"],
    ["赛事组委会供图", null, "赛事组委会供图"],
    ["跑者冲过终点。（受访者供图）", "跑者冲过终点。", "受访者供图"],
    ["Crowds gather in the square. (AP Photo/Jane Doe)", "Crowds gather in the square.", "AP Photo/Jane Doe"],
    ["街景。 記者 林小美 攝", "街景。", "記者 林小美 攝"],
  ])("splits “%s”", (line, caption, credit) => {
    expect(splitCaption(line)).toMatchObject({ caption, credit });
  });

  it("reads arrow caption lines and which photo they point at", () => {
    expect(splitCaption("▲读者在阅览室看书。")).toEqual({ caption: "读者在阅览室看书。", credit: null, points: "above" });
    expect(splitCaption("▼起跑现场。本报记者 王某 摄")).toEqual({ caption: "起跑现场。", credit: "本报记者 王某 摄", points: "below" });
  });

  it("keeps captions out of bodies and attaches each to its item, “▼” to the item below it", () => {
    const roundup = onlyRoundup(parseFixture("shapes/captions-forms.txt"));
    expect(roundup.items.map((item) => [item.caption, item.credit])).toEqual([
      ["北湾港新码头鸟瞰。", null],
      ["乘客在地铁站内候车。", "新华社发"],
      ["读者在新馆阅览室内看书。", null],
      ["北湾马拉松起跑现场。", "赛事组委会供图"],
      ["Visitors walk along the boardwalk in the new park.", "AP Photo/Li Ming"],
      ["帆船驶过北湾港外的灯塔。", "图/路透"],
    ]);
    expect(roundup.caption).toBeNull();
    const bodies = roundup.items.flatMap((item) => item.paragraphs).join("\n");
    expect(bodies).not.toMatch(/供图|新华社发|AP Photo|图\/路透|▲|▼/);
  });

  it("lifts a Traditional “記者 … 攝” caption out of the body", () => {
    const roundup = onlyRoundup(parseFixture("shapes/traditional-bodies.txt"));
    expect(roundup.items[0]).toMatchObject({
      paragraphs: ["藍線全長二十公里，通車後市區往返機場只要三十分鐘。"],
      caption: "通車首日搭乘人次超過十萬。",
      credit: "記者 林小美 攝",
    });
  });
});
