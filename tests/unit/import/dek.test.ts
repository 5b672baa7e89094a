import { describe, expect, it } from "vitest";
import { DEK_MAX_CHARS, dekFromParagraphs } from "@/lib/import/dek";

describe("dek of an imported story", () => {
  it("is the first Chinese sentence, with its closing quote", () => {
    expect(dekFromParagraphs(["2023年全省粮食总产量达837.3亿斤，增长6.3%。稳居全国第五位。"])).toBe("2023年全省粮食总产量达837.3亿斤，增长6.3%。");
    expect(dekFromParagraphs(["他说：“我们做到了！”随后离开。"])).toBe("他说：“我们做到了！”");
    expect(dekFromParagraphs(["真的吗？是的。"])).toBe("真的吗？");
  });

  it("skips empty paragraphs and folds line breaks", () => {
    expect(dekFromParagraphs(["", "  ", "第一句\n跨行。第二句。"])).toBe("第一句 跨行。");
    expect(dekFromParagraphs([])).toBe("");
  });

  it("ends an English sentence at a full stop followed by a space, not inside a number", () => {
    expect(dekFromParagraphs(["Output rose 6.3 percent in 2023. Officials were pleased."])).toBe("Output rose 6.3 percent in 2023.");
  });

  it("keeps a short paragraph without an end mark whole", () => {
    expect(dekFromParagraphs(["没有句号的一段"])).toBe("没有句号的一段");
  });

  it("cuts a long first sentence at the limit with an ellipsis", () => {
    const long = "长".repeat(300) + "。";
    const dek = dekFromParagraphs([long]);
    expect(dek).toBe(`${"长".repeat(DEK_MAX_CHARS)}…`);
  });

  it("never cuts a surrogate pair or an emoji sequence in half", () => {
    // 𠮷 is outside the BMP (two UTF-16 units); the family emoji is several code points joined.
    const rare = "𠮷".repeat(DEK_MAX_CHARS + 10);
    const dek = dekFromParagraphs([rare]);
    expect(Array.from(dek.slice(0, -1)).every((char) => char === "𠮷")).toBe(true);
    expect(dek.endsWith("…")).toBe(true);
    expect(dek).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);

    const family = "👨‍👩‍👧";
    const mixed = "甲".repeat(DEK_MAX_CHARS - 1) + family + "乙".repeat(20);
    expect(dekFromParagraphs([mixed])).toBe(`${"甲".repeat(DEK_MAX_CHARS - 1)}${family}…`);
  });
});
