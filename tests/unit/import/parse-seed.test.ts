import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { describe, expect, it } from "vitest";

import { decodeDocument } from "../../../lib/import/decode";
import { parseRoundupDocument, toImportJson, type ParsedRoundup } from "../../../lib/import/parse";
import { onlyRoundup } from "./helpers";

const here = path.dirname(fileURLToPath(import.meta.url));
const seedPath = path.resolve(
  process.env.ROUNDUP_SEED_FILE ?? path.resolve(here, "../../../../shared/seeds/000_b9b4a63105b791e4.txt"),
);

// The seed is the product's first real document; a missing seed must fail the run, never skip it.
function readSeed(): string {
  if (!existsSync(seedPath)) {
    throw new Error(
      `Seed document not found at ${seedPath}. Put the shared/ folder beside the repository, or set ROUNDUP_SEED_FILE to the seed's path.`,
    );
  }
  return readFileSync(seedPath, "utf8");
}

function item(roundup: ParsedRoundup, rank: number) {
  const found = roundup.items.find((candidate) => candidate.rank === rank);
  if (!found) throw new Error(`no item ranked ${rank}`);
  return found;
}

type SeedResult = { seed: string; roundup: ParsedRoundup; warnings: string[] };
let cached: SeedResult | null = null;

// Read on first use rather than in beforeAll, so that a missing seed fails every test by name
// instead of reporting them as skipped.
function loadSeed(): SeedResult {
  if (!cached) {
    const seed = readSeed();
    const doc = parseRoundupDocument(seed);
    cached = { seed, roundup: onlyRoundup(doc), warnings: doc.warnings };
  }
  return cached;
}

describe("the seed document (2023年吉林十大新闻)", () => {
  it("finds exactly ten items ranked 1 to 10 in order", () => {
    const { roundup } = loadSeed();
    expect(roundup.items.map((entry) => entry.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(roundup.ordering).toBe("rank");
  });

  it("reads the item titles as printed", () => {
    const { roundup } = loadSeed();
    expect(item(roundup, 1).title.startsWith("落实习近平总书记新时代推动东北全面振兴座谈会重要讲话精神")).toBe(true);
    expect(item(roundup, 5).title.startsWith("保护好“耕地中的大熊猫”")).toBe(true);
    expect(item(roundup, 10).title).toBe("做好“冰雪+”文章,冰雪经济成为高质量发展新赛道");
  });

  it("rebuilds the title laid out in pieces, restoring the 十 printed as a graphic", () => {
    const { roundup, warnings } = loadSeed();
    expect(roundup.title).toBe("2023年吉林十大新闻");
    expect(roundup.year).toBe(2023);
    expect(warnings.some((warning) => warning.includes("拼合") && warning.includes("“十”"))).toBe(true);
  });

  it("takes the selector from the closing line", () => {
    const { roundup } = loadSeed();
    expect(roundup.publisher).toBe("吉林日报社");
  });

  it("rejoins the paragraph split by a page break in item 5", () => {
    const { roundup, warnings } = loadSeed();
    const paragraphs = item(roundup, 5).paragraphs;
    expect(paragraphs).toHaveLength(1);
    expect(paragraphs[0]).toContain("稳居全国粮食主产省第1位");
    expect(warnings.some((warning) => warning.includes("第5条") && warning.includes("分页"))).toBe(true);
  });

  it("keeps the lead photo's caption and credit on the roundup, not in any item", () => {
    const { roundup, warnings } = loadSeed();
    expect(roundup.caption).toContain("第四次全体会议");
    expect(roundup.caption).not.toContain("摄");
    expect(roundup.credit).toBe("本报记者 邹乃硕 张野 摄");
    const lead = warnings.find((warning) => warning.includes("导语图片"));
    expect(lead).toBeDefined();
    // The photo shows the plenary session, which is item 3.
    expect(lead).toContain("第3条");
  });

  it("gives every item its one body paragraph and nothing from the page furniture", () => {
    const { roundup } = loadSeed();
    for (const entry of roundup.items) {
      expect(entry.paragraphs, `item ${entry.rank}`).toHaveLength(1);
      expect(entry.caption).toBeNull();
    }
    const allText = roundup.items.flatMap((entry) => [entry.title, ...entry.paragraphs]).join("\n");
    expect(allText).not.toContain("吉林日报社选出");
    expect(allText).not.toContain("本报记者");
    expect(allText).not.toContain("大新闻");
    expect(item(roundup, 10).paragraphs[0]).toMatch(/带动国内外各界增强对东北振兴的信心。$/);
  });

  it("has no introduction, outro or vote counts, since the seed has none", () => {
    const { roundup } = loadSeed();
    expect(roundup.intro).toBeNull();
    expect(roundup.outro).toBeNull();
    expect(roundup.items.every((entry) => entry.votes === null)).toBe(true);
  });

  it("reads the same from Windows-saved bytes with a BOM", () => {
    const { seed } = loadSeed();
    const bytes = new TextEncoder().encode(`\uFEFF${seed.replace(/\n/g, "\r\n")}`);
    expect(parseRoundupDocument(decodeDocument(bytes))).toEqual(parseRoundupDocument(seed));
  });

  it("exports the import JSON with the roundup's fields in a fixed order", () => {
    const { seed } = loadSeed();
    const json = toImportJson(parseRoundupDocument(seed));
    const [exported] = json.roundups;
    expect(Object.keys(exported ?? {})).toEqual(["title", "year", "publisher", "intro", "outro", "caption", "credit", "ordering", "items", "unassigned"]);
    expect(exported?.items[2]?.title).toBe("省委十二届四次全会发出吉林全面振兴率先实现新突破的最强音");
  });
});
