import { describe, expect, it } from "vitest";

import { parseRoundupDocument } from "../../../lib/import/parse";
import { importErrorFrom, parseFixture } from "./helpers";

describe("documents the parser must refuse", () => {
  it("refuses a document without numbered items, saying which numbering it expects (no-items.txt)", () => {
    const error = importErrorFrom(() => parseFixture("no-items.txt"));
    expect(error.reason).toBe("NO_ITEMS");
    expect(error.message).toContain("没有找到带序号的条目");
    expect(error.message).toContain("“1、”");
  });

  it("refuses blank text as having no items", () => {
    expect(importErrorFrom(() => parseRoundupDocument("\n\n　\n")).reason).toBe("NO_ITEMS");
  });

  it("does not take decimals or years at the start of a line for ranks", () => {
    const error = importErrorFrom(() =>
      parseRoundupDocument("2023年全市经济运行稳中有进。\n3.7万户家庭受益于新政策。\n12.5%的增速领跑全省。\n"),
    );
    expect(error.reason).toBe("NO_ITEMS");
  });

  it("names the missing rank when the numbers skip one (rank-gap.txt: 1, 2, 4, 5)", () => {
    const error = importErrorFrom(() => parseFixture("rank-gap.txt"));
    expect(error.reason).toBe("RANK_GAP");
    expect(error.message).toContain("缺少第3条");
    expect(error.message).toContain("第2条之后直接是第4条");
  });

  it("says the numbering does not start at 1", () => {
    const error = importErrorFrom(() => parseRoundupDocument("2、北湾大桥通车\n3、北湾机场改造\n"));
    expect(error.reason).toBe("RANK_GAP");
    expect(error.message).toContain("缺少第1条");
    expect(error.message).toContain("序号没有从1开始");
  });

  it("names the repeated rank and both titles (rank-duplicate.txt: 1, 2, 2, 3)", () => {
    const error = importErrorFrom(() => parseFixture("rank-duplicate.txt"));
    expect(error.reason).toBe("RANK_DUPLICATE");
    expect(error.message).toContain("第2条出现了两次");
    expect(error.message).toContain("南屏河生态修复一期完工");
    expect(error.message).toContain("南屏区第三小学投入使用");
  });

  it("suggests a heading when a second list starts without one", () => {
    const error = importErrorFrom(() =>
      parseRoundupDocument(
        "2023年十大新闻\n1、北湾港扩建工程开工，新建泊位4个。\n2、北湾大桥通车，两岸通勤时间减半。\n1、多国签署海洋保护公约，承诺减少塑料垃圾。\n",
      ),
    );
    expect(error.reason).toBe("RANK_DUPLICATE");
    expect(error.message).toContain("第1条出现了两次");
    expect(error.message).toContain("国际十大新闻");
  });
});
