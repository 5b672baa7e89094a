import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { searchStories, type SearchResults } from "@/lib/data/search";
import { searchQuerySchema, searchTerms } from "@/lib/validation/search";
import { createStory, createUser } from "./support/fixtures";
import { uniqueId } from "./support/db";

const HOUR = 60 * 60 * 1000;
const past = () => new Date(Date.now() - HOUR);

// Each test searches for a word made of characters no other row uses, so results are its own.
function rareWord(): string {
  const pool = "鼋鼍鳜鳡鲥鲦鳑鲏鳙鲢";
  const pick = () => pool[Math.floor(Math.random() * pool.length)];
  return `${pick()}${pick()}${uniqueId("w").slice(2)}`;
}

describe("Chinese search over the bigram index", () => {
  let authorId: string;
  beforeAll(async () => {
    authorId = (await createUser(db, { role: "EDITOR" })).id;
  });
  const created: string[] = [];
  afterAll(async () => {
    await db.story.deleteMany({ where: { slug: { in: created } } });
    await db.$disconnect();
  });

  // Many stories in one statement, published long ago so they never crowd other tests' newest lists.
  // Story n is published n minutes after the start: a higher n is newer.
  async function addStories(rows: { title: string; body: string }[], start: Date): Promise<string[]> {
    const slugs = rows.map(() => uniqueId("story"));
    created.push(...slugs);
    await db.story.createMany({
      data: rows.map((row, n) => ({ ...row, slug: slugs[n]!, status: "PUBLISHED" as const, publishedAt: new Date(start.getTime() + n * 60_000), authorId })),
    });
    return slugs;
  }
  const slugsOf = (found: SearchResults) => found.items.map((item) => item.slug);

  it("finds a two-character word inside body text and marks it in the snippet", async () => {
    const story = await createStory(db, authorId, { status: "PUBLISHED", publishedAt: past(), title: "一篇普通的报道", body: "今年全省的鲟鳇产量再创新高，渔民收入稳步增长。" });
    const found = await searchStories(["鲟鳇"], 1);
    const hit = found.items.find((item) => item.slug === story.slug);
    expect(hit).toBeDefined();
    expect(hit?.snippet.filter((part) => part.hit).map((part) => part.text)).toEqual(["鲟鳇"]);
    expect(hit?.snippet.map((part) => part.text).join("")).toContain("今年全省的鲟鳇产量再创新高");
  });

  it("does not match the two characters when they only appear apart", async () => {
    const word = rareWord();
    const [a, b] = [...word];
    const story = await createStory(db, authorId, { status: "PUBLISHED", publishedAt: past(), body: `${a}和${b}分开出现。${word.slice(2)}` });
    const found = await searchStories([`${a}${b}`], 1);
    expect(found.items.map((item) => item.slug)).not.toContain(story.slug);
  });

  it("ranks title matches above body matches and leaves out everything unpublished", async () => {
    const word = rareWord();
    const inBody = await createStory(db, authorId, { status: "PUBLISHED", publishedAt: new Date(Date.now() - 10_000), title: "正文提到", body: `正文里有${word}。` });
    const inTitle = await createStory(db, authorId, { status: "PUBLISHED", publishedAt: new Date(Date.now() - 5 * HOUR), title: `标题里有${word}`, body: "正文没有。" });
    const hidden = await Promise.all([
      createStory(db, authorId, { status: "DRAFT", title: `草稿${word}` }),
      createStory(db, authorId, { status: "IN_REVIEW", body: `审核中${word}` }),
      createStory(db, authorId, { status: "UNPUBLISHED", publishedAt: past(), body: `撤下${word}` }),
      createStory(db, authorId, { status: "SCHEDULED", publishedAt: new Date(Date.now() + HOUR), body: `定时${word}` }),
    ]);
    const found = await searchStories([word], 1);
    expect(found.items.map((item) => item.slug)).toEqual([inTitle.slug, inBody.slug]);
    expect(found.items[0]?.inTitle).toBe(true);
    expect(found.total).toBe(2);
    for (const story of hidden) expect(found.items.map((item) => item.slug)).not.toContain(story.slug);
  });

  it("paginates ten results a page and requires every word of a multi-word query", async () => {
    const word = rareWord();
    const other = rareWord();
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        createStory(db, authorId, { status: "PUBLISHED", publishedAt: new Date(Date.now() - (i + 1) * 60_000), body: `第${i}篇：${word}${i % 2 === 0 ? ` ${other}` : ""}` }),
      ),
    );
    const first = await searchStories([word], 1);
    const second = await searchStories([word], 2);
    expect([first.total, first.pageCount, first.items.length, second.items.length]).toEqual([12, 2, 10, 2]);
    expect(new Set([...first.items, ...second.items].map((item) => item.slug)).size).toBe(12);
    expect((await searchStories([word, other], 1)).total).toBe(6);
  });

  it("treats % and _ in a query as plain characters", async () => {
    const word = rareWord();
    await createStory(db, authorId, { status: "PUBLISHED", publishedAt: past(), body: `增长${word}了5%` });
    expect((await searchStories([`${word}_`], 1)).total).toBe(0);
    expect((await searchStories([`${word}了5%`], 1)).total).toBe(1);
  });

  it("counts exactly up to 1000, then says more, lists the newest title matches first and pages through them", async () => {
    const word = rareWord();
    const inTitles = await addStories(
      Array.from({ length: 1005 }, (_, n) => ({ title: `第${n}条${word}`, body: "正文。" })),
      new Date("2001-01-01T00:00:00Z"),
    );
    // Newer than every title match, but found only in the body: ranked after all of them.
    await addStories([{ title: "正文提到", body: `正文里有${word}。` }], new Date("2002-01-01T00:00:00Z"));
    const first = await searchStories([word], 1);
    expect([first.total, first.moreThanLimit, first.pageCount]).toEqual([1000, true, 100]);
    expect(slugsOf(first)).toEqual(inTitles.slice(-10).reverse());
    expect(first.items.every((item) => item.inTitle && item.title.some((part) => part.hit && part.text === word))).toBe(true);
    expect(slugsOf(await searchStories([word], 2))).toEqual(inTitles.slice(-20, -10).reverse());
    expect(slugsOf(await searchStories([word], 100))).toEqual(inTitles.slice(5, 15).reverse());
    const past = await searchStories([word], 101);
    expect([past.items.length, past.total, past.pageCount]).toEqual([0, 1000, 100]);
  });

  it("puts older title matches before newer body matches when the body matches pass the bound, and pages across the two", async () => {
    const word = rareWord();
    const inTitles = await addStories(
      [0, 1].map((n) => ({ title: `标题${n}${word}`, body: "正文。" })),
      new Date("2001-06-01T00:00:00Z"),
    );
    const inBodies = await addStories(
      Array.from({ length: 1003 }, (_, n) => ({ title: `报道${n}`, body: `正文第${n}段说到${word}。` })),
      new Date("2002-06-01T00:00:00Z"),
    );
    // A story with the word's characters apart is no match, however new.
    const [a, b] = [...word];
    await addStories([{ title: "不相干", body: `${a}和${b}${word.slice(2)}` }], new Date("2003-01-01T00:00:00Z"));
    const newestBodies = [...inBodies].reverse();
    const first = await searchStories([word], 1);
    expect([first.total, first.moreThanLimit]).toEqual([1000, true]);
    expect(slugsOf(first)).toEqual([...inTitles.reverse(), ...newestBodies.slice(0, 8)]);
    expect(first.items.map((item) => item.inTitle)).toEqual([true, true, ...Array<boolean>(8).fill(false)]);
    expect(first.items.every((item) => [...item.title, ...item.snippet].some((part) => part.hit && part.text === word))).toBe(true);
    expect(slugsOf(await searchStories([word], 2))).toEqual(newestBodies.slice(8, 18));
    expect(slugsOf(await searchStories([word], 100))).toEqual(newestBodies.slice(988, 998));
  });

  it("counts title and body matches exactly under the bound, titles first", async () => {
    const word = rareWord();
    const bodies = await addStories([0, 1, 2].map((n) => ({ title: `第${n}篇`, body: `正文有${word}。` })), new Date("2001-03-01T00:00:00Z"));
    const titles = await addStories([0, 1].map((n) => ({ title: `标题${word}，第${n}篇`, body: "正文。" })), new Date("2000-03-01T00:00:00Z"));
    const found = await searchStories([word], 1);
    expect([found.total, found.moreThanLimit, found.pageCount]).toEqual([5, false, 1]);
    expect(slugsOf(found)).toEqual([...titles.reverse(), ...bodies.reverse()]);
  });

  it("looks a single Chinese character up in titles only", async () => {
    const character = "龘";
    const [inBody] = await addStories([{ title: "正文才有", body: `这里有一个${character}字。` }], new Date(Date.now() - 2_000));
    const [inTitle] = await addStories([{ title: `标题有${character}字`, body: "正文。" }], new Date(Date.now() - 1_000));
    const found = await searchStories([character], 1);
    expect(found.titleOnly).toBe(true);
    expect(slugsOf(found)[0]).toBe(inTitle);
    expect(slugsOf(found)).not.toContain(inBody);
    expect(found.items[0]?.title.filter((part) => part.hit).map((part) => part.text)).toEqual([character]);
    // With a longer word beside it, every word must be in the title.
    expect(slugsOf(await searchStories([character, "标题"], 1))).toContain(inTitle);
    expect(slugsOf(await searchStories([character, "正文"], 1))).not.toContain(inBody);
  });

  it("answers a query with NUL, garbled or oversized text with results or a clear message, never an error", async () => {
    const word = rareWord();
    const [story] = await addStories([{ title: `标题${word}`, body: "正文。" }], new Date("2001-09-01T00:00:00Z"));
    const run = async (q: string) => {
      const parsed = searchQuerySchema.safeParse({ q, page: "1" });
      if (!parsed.success) return { message: parsed.error.issues[0]?.message };
      return { found: await searchStories(searchTerms(parsed.data.q), parsed.data.page) };
    };
    const withNul = await run(`${word}\u0000`);
    expect(withNul.found && slugsOf(withNul.found)).toEqual([story]);
    expect((await run("\u0000\u0000")).message).toBe("请输入要搜索的词，例如“粮食”。");
    const garbled = await run(`\ud800${word}\udfff`);
    expect(garbled.found && slugsOf(garbled.found)).toEqual([story]);
    expect((await run("鼋".repeat(5000))).message).toContain("搜索词太长");
    expect((await run("%_\\'\"；")).message).toBe("搜索词需要包含汉字、字母或数字。");
  });
});
