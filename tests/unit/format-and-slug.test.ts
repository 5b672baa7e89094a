import { describe, expect, it } from "vitest";
import { formatDate, publisherName, selectedBy } from "@/lib/format";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { slugify } from "@/lib/slug";

describe("formatDate", () => {
  it("writes dates the newsroom's way, in Beijing time", () => {
    expect(formatDate(new Date("2023-11-28T01:00:00Z"))).toBe("2023年11月28日");
    // 23:30 UTC on 27 November is already 28 November in Asia/Shanghai.
    expect(formatDate("2023-11-27T23:30:00Z")).toBe("2023年11月28日");
  });
});

describe("slugify", () => {
  it("turns a Chinese headline into readable pinyin", () => {
    expect(slugify("冰雪经济成为新赛道")).toBe("bing-xue-jing-ji-cheng-wei-xin-sai-dao");
    expect(slugify("吉林一号 2023年")).toBe("ji-lin-yi-hao-2023-nian");
    expect(slugify("“冰雪+”文章")).toBe("bing-xue-wen-zhang");
  });

  it("keeps slugs short, cutting at a syllable boundary", () => {
    const slug = slugify("落实习近平总书记新时代推动东北全面振兴座谈会重要讲话精神吉林全面振兴上升期快车道积厚成势");
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

describe("safeCallbackPath", () => {
  it("allows same-site paths only", () => {
    expect(safeCallbackPath("/editor/stories?status=DRAFT")).toBe("/editor/stories?status=DRAFT");
    expect(safeCallbackPath("https://evil.example")).toBe("/editor");
    expect(safeCallbackPath("//evil.example")).toBe("/editor");
    expect(safeCallbackPath("/\\evil.example")).toBe("/editor");
    expect(safeCallbackPath(undefined)).toBe("/editor");
    expect(safeCallbackPath("/login?callbackUrl=/login")).toBe("/editor");
  });
});

describe("a roundup's publisher", () => {
  it("is stored as a name, whatever the editor typed around it, and printed with 选出 once", () => {
    for (const typed of ["吉林日报社", "吉林日报社选出", " 由吉林日报社评选 ", "吉林日报社选出选出"]) expect(publisherName(typed)).toBe("吉林日报社");
    expect(selectedBy(publisherName("吉林日报社选出"))).toBe("吉林日报社选出");
    expect(publisherName("")).toBe("");
  });
});
