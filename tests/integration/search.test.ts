import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { searchStories } from "@/lib/data/search";
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
  afterAll(async () => {
    await db.$disconnect();
  });

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
});
