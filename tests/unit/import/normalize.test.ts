import { describe, expect, it } from "vitest";

import { splitCaption } from "../../../lib/import/captions";
import { restoreMissingCount } from "../../../lib/import/meta";
import { cleanText, endsSentence, parseChineseNumeral, toChineseNumeral } from "../../../lib/import/normalize";
import { matchItemHeading } from "../../../lib/import/shapes";

const NUMERALS = "一 二 三 四 五 六 七 八 九 十 十一 十二 十三 十四 十五 十六 十七 十八 十九 二十".split(" ");

describe("Chinese numerals", () => {
  it("reads 一 to 二十 as 1 to 20 and writes them back", () => {
    NUMERALS.forEach((numeral, index) => {
      expect(parseChineseNumeral(numeral)).toBe(index + 1);
      expect(toChineseNumeral(index + 1)).toBe(numeral);
    });
  });

  it("reads larger and colloquial forms, and refuses malformed ones", () => {
    expect(parseChineseNumeral("二十一")).toBe(21);
    expect(parseChineseNumeral("一百零五")).toBe(105);
    expect(parseChineseNumeral("两")).toBe(2);
    expect(parseChineseNumeral("一二")).toBeNull();
    expect(parseChineseNumeral("十十")).toBeNull();
  });
});

describe("item headings", () => {
  it.each([
    ["1.北湾港扩建", 1, "北湾港扩建"],
    ["1、北湾港扩建", 1, "北湾港扩建"],
    ["1．北湾港扩建", 1, "北湾港扩建"],
    ["１、北湾港扩建", 1, "北湾港扩建"],
    ["１２．北湾港扩建", 12, "北湾港扩建"],
    ["## 3 北湾港扩建", 3, "北湾港扩建"],
    ["第1位 北湾港扩建", 1, "北湾港扩建"],
    ["第十二位：北湾港扩建", 12, "北湾港扩建"],
    ["（十一）北湾港扩建", 11, "北湾港扩建"],
    ["(二十)北湾港扩建", 20, "北湾港扩建"],
    ["③北湾港扩建", 3, "北湾港扩建"],
    ["2.3月 北湾港扩建", 2, "3月 北湾港扩建"],
  ])("reads “%s” as rank %i", (line, rank, title) => {
    expect(matchItemHeading(line)).toMatchObject({ rank, title });
  });

  it.each(["2023年北湾港扩建", "3.7万户家庭受益", "10月17日，北湾港扩建", "第18届电影节开幕", "一是抓项目", "十大新闻"])(
    "does not read “%s” as an item",
    (line) => {
      expect(matchItemHeading(line)).toBeNull();
    },
  );
});

describe("text clean-up", () => {
  it("folds full-width digits and decimal points but keeps the author's punctuation", () => {
    expect(cleanText("　增长２１．５%，达到１２０万人次,  创新高 ")).toBe("增长21.5%，达到120万人次, 创新高");
  });

  it("knows where a sentence ends", () => {
    expect(endsSentence("粮食单产稳居全")).toBe(false);
    expect(endsSentence("稳居全国第1位。")).toBe(true);
    expect(endsSentence("他说：“要继续干。”")).toBe(true);
    expect(endsSentence("全文完。（完）")).toBe(true);
  });
});

describe("photo credits", () => {
  it.each([
    ["港区夜景。（新华社记者 王某 摄）", "港区夜景。", "新华社记者 王某 摄"],
    ["港区夜景。 本报记者 邹乃硕 张野 摄", "港区夜景。", "本报记者 邹乃硕 张野 摄"],
    ["港区夜景 本报记者 王某 摄", "港区夜景", "本报记者 王某 摄"],
    ["港区夜景。王某 摄", "港区夜景。", "王某 摄"],
    ["（王某摄）", null, "王某摄"],
  ])("splits “%s”", (paragraph, caption, credit) => {
    expect(splitCaption(paragraph)).toEqual({ caption, credit, points: null });
  });

  it.each(["这部纪录片在北湾港取景拍摄", "港区新增泊位4个。", "他们在海边架起相机准备摄"])(
    "leaves “%s” as body text",
    (paragraph) => {
      expect(splitCaption(paragraph)).toBeNull();
    },
  );
});

describe("titles set with the count as a graphic", () => {
  it("restores the count from the number of items", () => {
    expect(restoreMissingCount("2023年吉林大新闻", 10)).toEqual({ title: "2023年吉林十大新闻", inserted: "十" });
    expect(restoreMissingCount("2023年北湾大新闻", 12)).toEqual({ title: "2023年北湾十二大新闻", inserted: "十二" });
  });

  it("leaves titles that already carry a count, or another shape, alone", () => {
    expect(restoreMissingCount("2023年吉林十大新闻", 10)).toBeNull();
    expect(restoreMissingCount("2023年吉林10大新闻", 10)).toBeNull();
    expect(restoreMissingCount("国内十大新闻", 10)).toBeNull();
  });
});
