import { describe, expect, it } from "vitest";

import { documentFingerprint, parseRoundupDocument, toImportJson } from "../../../lib/import/parse";
import { parseFixture, readFixture } from "./helpers";

describe("toImportJson", () => {
  it("produces exactly the interchange shape, captions and credits null where absent", () => {
    const doc = parseRoundupDocument(
      "2023年北湾十大新闻\n\n北湾晚报评出\n\n1.北湾港扩建\n港区新增泊位4个。\n港区夜景。（新华社记者 王某 摄）\n\n2.北湾大桥通车\n",
    );
    expect(toImportJson(doc)).toEqual({
      roundups: [
        {
          title: "2023年北湾十大新闻",
          year: 2023,
          publisher: "北湾晚报",
          intro: null,
          outro: null,
          caption: null,
          credit: null,
          ordering: "rank",
          items: [
            { rank: 1, title: "北湾港扩建", paragraphs: ["港区新增泊位4个。"], caption: "港区夜景。", credit: "新华社记者 王某 摄", votes: null },
            { rank: 2, title: "北湾大桥通车", paragraphs: [], caption: null, credit: null, votes: null },
          ],
          unassigned: [],
        },
      ],
      warnings: ["“2023年北湾十大新闻”第2条没有正文。"],
    });
  });

  it("carries the ordering, so an outline read back keeps a date-ordered list unranked", () => {
    const json = toImportJson(parseFixture("date-ordered.txt"));
    expect(json.roundups[0]?.ordering).toBe("date");
    expect(json.warnings.some((warning) => warning.includes("按时间顺序排列"))).toBe(true);
  });

  it("survives a JSON round trip unchanged", () => {
    const json = toImportJson(parseFixture("two-lists.txt"));
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    expect(json.roundups).toHaveLength(2);
  });
});

describe("documentFingerprint", () => {
  const text = readFixture("dot-numbered.txt");

  it("is a SHA-256 hex digest", () => {
    expect(documentFingerprint(text)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("ignores line endings, indentation, blank lines and a BOM", () => {
    const resaved = `\uFEFF${text.replace(/\n/g, "\r\n\r\n").replace(/　　/g, "    ")}`;
    expect(documentFingerprint(resaved)).toBe(documentFingerprint(text));
  });

  it("changes when the words change", () => {
    expect(documentFingerprint(text.replace("1200张", "1300张"))).not.toBe(documentFingerprint(text));
  });
});
