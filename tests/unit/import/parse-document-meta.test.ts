// Facts about the whole document: title, year and publisher read from prose, ordering notes, English
// documents, commentary after the list, the page-break repair's limits, and the lenient outline reading.

import { describe, expect, it } from "vitest";

import { parseRoundupDocument, readDocumentOutline } from "../../../lib/import/parse";
import { onlyRoundup, parseFixture, readFixture } from "./helpers";

describe("metadata from prose", () => {
  it("takes the title in quotes and the agency from “美联社进行“2009年10大新闻”调查”", () => {
    const roundup = onlyRoundup(parseFixture("shapes/prose-meta-agency.txt"));
    expect(roundup).toMatchObject({ title: "2009年10大新闻", year: 2009, publisher: "美联社" });
  });

  it("reads “二〇〇一年”, takes the title from “……國際10大新聞如下：” and ignores the byline “文/中央社”", () => {
    const roundup = onlyRoundup(parseFixture("shapes/prose-meta-chinese-year.txt"));
    expect(roundup.title).toBe("國際10大新聞");
    expect(roundup.year).toBe(2001);
    expect(roundup.publisher).toBeNull();
    expect(roundup.intro).not.toContain("中央社");
  });

  it("reads “二00一年” and the agency named in a dateline lead", () => {
    const roundup = onlyRoundup(parseFixture("shapes/prose-meta-mixed-year.txt"));
    expect(roundup.year).toBe(2001);
    expect(roundup.title).toBe("本年度国内十大新闻");
    expect(roundup.publisher).toContain("中新社");
  });

  it("reads the English title, year and agency of “AP's Top 10 News Stories of 2010”", () => {
    const roundup = onlyRoundup(parseFixture("shapes/english-ap.txt"));
    expect(roundup).toMatchObject({ title: "AP's Top 10 News Stories of 2010", year: 2010, publisher: "AP" });
    expect(roundup.items.map((item) => item.title)).toEqual(["Gulf oil spill", "Health care overhaul", "Midterm elections", "Haiti earthquake"]);
    expect(roundup.items[0]?.paragraphs).toHaveLength(2);
    expect(roundup.items[2]).toMatchObject({ credit: "AP Photo/Jane Doe", paragraphs: ["Voters changed the balance of power in the House in November."] });
  });
});

describe("Traditional and English documents with datelines and bylines", () => {
  it("reads a Traditional document: byline dropped, title from the lead after its dateline, ordering, captions", () => {
    const doc = parseFixture("shapes/traditional-dateline.txt");
    const roundup = onlyRoundup(doc);
    expect(roundup).toMatchObject({ title: "年度國際十大新聞", publisher: "中央社", ordering: "date" });
    expect(roundup.items.map((item) => item.title)).toEqual(["全球疫苗施打破十億劑", "國際油價大漲", "多國舉行大選"]);
    expect(roundup.items[0]).toMatchObject({ caption: "民眾在接種站排隊。", credit: "圖/路透", paragraphs: ["各國加速施打疫苗，年中全球施打劑數突破十億。"] });
    expect(roundup.intro).not.toContain("文/中央社");
  });

  it("reads an English document numbered “#1” with an AP dateline and photo credit", () => {
    const roundup = onlyRoundup(parseFixture("shapes/english-hash-numbers.txt"));
    expect(roundup).toMatchObject({ title: "The Associated Press: Top 3 stories of 2019", year: 2019, publisher: "Associated Press" });
    expect(roundup.items.map((item) => item.title)).toEqual(["Impeachment inquiry", "Wildfires in the West", "Trade talks"]);
    expect(roundup.items[0]).toMatchObject({ caption: "Lawmakers listen to testimony.", credit: "AP Photo/John Roe" });
  });
});

describe("ordering notes", () => {
  it.each([
    ["shapes/ordering-notes.txt", "以新闻事件发生时间为序"],
    ["shapes/ordering-sentence.txt", "按事件发生的时间先后排序"],
    ["shapes/ordering-traditional.txt", "以發生時間先後為序"],
    ["shapes/ordering-english.txt", "in chronological order"],
  ])("reads %s as a date-ordered list (“%s”)", (fixture, phrase) => {
    const doc = parseFixture(fixture);
    const roundup = onlyRoundup(doc);
    expect(roundup.ordering).toBe("date");
    expect(roundup.items.map((item) => item.rank)).toEqual([1, 2, 3]);
    expect(doc.warnings.some((warning) => warning.includes(phrase))).toBe(true);
  });

  it("strips the note from a title and reads “排名不分先后” too", () => {
    expect(onlyRoundup(parseFixture("shapes/ordering-notes.txt")).title).toBe("2014年北湾十大新闻");
    const roundup = onlyRoundup(parseRoundupDocument("2023年北湾十大新闻（排名不分先后）\n1、甲\n2、乙\n3、丙\n"));
    expect(roundup).toMatchObject({ ordering: "date", title: "2023年北湾十大新闻" });
  });

  it("keeps a ranked English list ranked", () => {
    expect(onlyRoundup(parseFixture("shapes/english-ap.txt")).ordering).toBe("rank");
  });
});

describe("commentary after a titles-only list is the outro", () => {
  it("moves two closing paragraphs out of the last item", () => {
    const doc = parseFixture("shapes/outro-commentary.txt");
    const roundup = onlyRoundup(doc);
    expect(roundup.items.every((item) => item.paragraphs.length === 0)).toBe(true);
    expect(roundup.outro).toMatch(/^回顾这一年/);
    expect(roundup.outro).toMatch(/本报将继续关注这些变化。$/);
    expect(doc.warnings.some((warning) => warning.includes("结语"))).toBe(true);
  });

  it("does so in English", () => {
    const roundup = onlyRoundup(parseFixture("shapes/outro-english.txt"));
    expect(roundup.items.at(-1)?.paragraphs).toEqual([]);
    expect(roundup.outro).toMatch(/^Looking back/);
  });

  it("does so after an inline list, and keeps the bodies of a list that has them", () => {
    expect(onlyRoundup(parseFixture("shapes/inline-lead-rank-one.txt")).outro).toBe("这次评选共收到读者选票三万多张。");
    expect(onlyRoundup(parseFixture("dot-numbered.txt")).outro).toBeNull();
  });
});

describe("the page-break repair glues only Chinese prose", () => {
  it("leaves English lines apart", () => {
    const roundup = onlyRoundup(parseFixture("shapes/page-break-english.txt"));
    expect(roundup.items[0]?.paragraphs).toEqual([
      "Work on the bridge began in March after years of planning and",
      "a long public debate about its cost",
      "Crews worked through the winter.",
    ]);
  });

  it("leaves a dateline apart, drops a “来源：” line, and still rejoins a real break", () => {
    const doc = parseFixture("shapes/page-break-dateline.txt");
    const roundup = onlyRoundup(doc);
    expect(roundup.items[0]?.paragraphs).toEqual([
      "新华社北湾1月5日电 记者 王某",
      "北湾港至东南亚的新集装箱航线今天开通，首航货轮装载了三千个标箱，这是北湾港今年开通的第一条远洋航线。",
    ]);
    expect(roundup.items[1]?.paragraphs).toEqual(["新华社北湾3月1日电", "大桥全长十二公里。"]);
    expect(doc.warnings.filter((warning) => warning.includes("分页"))).toHaveLength(1);
  });

  it("leaves a Chinese heading-like line without punctuation apart from the next line", () => {
    const roundup = onlyRoundup(parseRoundupDocument("1、北湾港扩建\n北湾港务集团供稿 2023年12月31日\n港区新增泊位4个。\n2、甲\n3、乙\n"));
    expect(roundup.items[0]?.paragraphs).toEqual(["北湾港务集团供稿 2023年12月31日", "港区新增泊位4个。"]);
  });
});

describe("the lenient reading for the editable preview", () => {
  it("opens a document without numbered items as unassigned paragraphs", () => {
    const doc = readDocumentOutline(readFixture("no-items.txt"));
    const roundup = onlyRoundup(doc);
    expect(roundup.items).toEqual([]);
    expect(roundup.title).toBe("2023年北湾市工作回顾");
    expect(roundup.unassigned).toHaveLength(2);
    expect(doc.warnings[0]).toContain("没有找到带序号的条目");
  });

  it("keeps items with a rank gap or a repeat, in document order, and warns", () => {
    const gap = onlyRoundup(readDocumentOutline(readFixture("rank-gap.txt")));
    expect(gap.items.map((item) => item.rank)).toEqual([1, 2, 4, 5]);
    const repeated = readDocumentOutline(readFixture("rank-duplicate.txt"));
    expect(onlyRoundup(repeated).items.map((item) => item.rank)).toEqual([1, 2, 2, 3]);
    expect(repeated.warnings.some((warning) => warning.includes("第2条出现了两次"))).toBe(true);
  });

  it("reads a well-formed document exactly as the strict parser does", () => {
    const text = readFixture("two-lists.txt");
    expect(readDocumentOutline(text)).toEqual(parseRoundupDocument(text));
  });
});

describe("the lenient reading never refuses a text", () => {
  // Lines from every test document, recombined in a fixed pseudo-random order: whatever an editor
  // pastes, the preview opens.
  const lines = ["dot-numbered.txt", "two-lists.txt", "shapes/inline-lead-rank-one.txt", "shapes/captions-forms.txt", "shapes/english-ap.txt", "shapes/votes.txt"]
    .flatMap((name) => readFixture(name).split("\n"));
  let seed = 7;
  const next = () => (seed = (seed * 48271) % 2147483647);

  it.each(Array.from({ length: 40 }, (_, index) => index))("mix %i", () => {
    const text = Array.from({ length: 5 + (next() % 40) }, () => lines[next() % lines.length] ?? "").join("\n");
    const doc = readDocumentOutline(text);
    expect(doc.roundups.length).toBeGreaterThan(0);
  });
});
