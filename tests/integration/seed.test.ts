import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, seedDemo } from "@/prisma/seed";
import { verifyPassword } from "@/lib/auth/password";
import { createFreshDatabase } from "./support/db";

describe("demo seed on a new database", () => {
  let fresh: Awaited<ReturnType<typeof createFreshDatabase>>;
  beforeAll(async () => {
    fresh = await createFreshDatabase();
  });
  afterAll(async () => {
    await fresh.drop();
  });

  it("loads the 2023 roundup with ten stories in the seed's ranks, then never seeds twice", async () => {
    expect(await seedDemo(fresh.db, "demo-password-for-tests")).toEqual({ seeded: true });

    const roundup = await fresh.db.roundup.findUniqueOrThrow({
      where: { slug: "2023-jilin-shi-da-xinwen" },
      include: { items: { orderBy: { rank: "asc" }, include: { story: { include: { section: true, leadMedia: true } } } } },
    });
    expect(roundup.title).toBe("2023年吉林十大新闻");
    expect(roundup.year).toBe(2023);
    expect(roundup.publisher).toBe("吉林日报社");
    expect(roundup.items.map((item) => item.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(roundup.items[4]?.story.title).toContain("粮食总产达837.3亿斤");
    expect(roundup.items[4]?.story.body).toContain("粮食");
    expect(roundup.items[4]?.story.section?.name).toBe("农业");
    expect(roundup.items[9]?.story.title).toBe("做好“冰雪+”文章,冰雪经济成为高质量发展新赛道");
    expect(roundup.items[2]?.story.leadMedia?.credit).toBe("本报记者 邹乃硕 张野 摄");

    const accounts = await fresh.db.user.findMany({ omit: { passwordHash: false }, orderBy: { email: "asc" } });
    expect(accounts.map((a) => [a.email, a.role]).sort()).toEqual(DEMO_ACCOUNTS.map((a) => [a.email, a.role]).sort());
    expect(await verifyPassword(accounts[0]!.passwordHash, "demo-password-for-tests")).toBe(true);

    expect(await seedDemo(fresh.db, "demo-password-for-tests")).toEqual({ seeded: false, reason: "database already has content" });
    expect(await fresh.db.story.count()).toBe(10);
    expect(await fresh.db.user.count()).toBe(3);
  });
});
