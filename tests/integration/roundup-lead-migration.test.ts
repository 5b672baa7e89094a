import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";

const MIGRATIONS = path.resolve(__dirname, "../../prisma/migrations");

/** The data statements of the roundup_lead_photo migration, as written in its file. */
function dataStatements(): string[] {
  const folder = fs.readdirSync(MIGRATIONS).find((name) => name.endsWith("_roundup_lead_photo"));
  if (!folder) throw new Error("the roundup_lead_photo migration is missing");
  return fs
    .readFileSync(path.join(MIGRATIONS, folder, "migration.sql"), "utf8")
    .split(";")
    .map((statement) => statement.replace(/^\s*--.*$/gm, "").trim())
    .filter((statement) => /^(UPDATE|DELETE)/.test(statement));
}

describe("roundup_lead_photo migration", () => {
  afterAll(async () => {
    await db.$disconnect();
  });

  it("moves an imported caption-only lead photo into the slot and removes the file-less row, keeping real images", async () => {
    const statements = dataStatements();
    expect(statements).toHaveLength(2);
    // Temporary copies shadow the real tables inside this transaction, so the test owns every row.
    const result = await db.$transaction(async (tx) => {
      for (const table of ["Media", "Roundup", "Story", "StoryRevision"]) {
        await tx.$executeRawUnsafe(`CREATE TEMP TABLE "${table}" (LIKE public."${table}" INCLUDING DEFAULTS) ON COMMIT DROP`);
      }
      await tx.$executeRawUnsafe(
        `INSERT INTO "Media" (id, "storageKey", alt, caption, credit, "uploadedById") VALUES
           ('m-import', NULL, '会场全景，代表们举手表决。', '会场全景，代表们举手表决。', '本报记者 某某 摄', 'u'),
           ('m-file', 'photo.webp', '江边的雪', '江边', '本报记者 乙 摄', 'u'),
           ('m-story', NULL, '条目说明', '条目说明', '', 'u')`,
      );
      await tx.$executeRawUnsafe(
        `INSERT INTO "Roundup" (id, slug, title, year, "leadMediaId", "createdById", "updatedAt") VALUES
           ('r-import', 'a', '导入的榜单', 2023, 'm-import', 'u', now()), ('r-file', 'b', '有图的榜单', 2023, 'm-file', 'u', now())`,
      );
      await tx.$executeRawUnsafe(`INSERT INTO "Story" (id, slug, title, "authorId", "leadMediaId", "updatedAt") VALUES ('s', 's', '条目', 'u', 'm-story', now())`);
      for (const statement of statements) await tx.$executeRawUnsafe(statement);
      const roundups = await tx.$queryRawUnsafe<{ id: string; leadMediaId: string | null; leadCaption: string; leadCredit: string; leadAlt: string }[]>(
        `SELECT id, "leadMediaId", "leadCaption", "leadCredit", "leadAlt" FROM "Roundup" ORDER BY id`,
      );
      const media = await tx.$queryRawUnsafe<{ id: string }[]>(`SELECT id FROM "Media" ORDER BY id`);
      return { roundups, media: media.map((row) => row.id) };
    });
    expect(result.roundups).toEqual([
      { id: "r-file", leadMediaId: "m-file", leadCaption: "", leadCredit: "", leadAlt: "" },
      { id: "r-import", leadMediaId: null, leadCaption: "会场全景，代表们举手表决。", leadCredit: "本报记者 某某 摄", leadAlt: "" },
    ]);
    // The story's caption-only photo is still in use and stays.
    expect(result.media).toEqual(["m-file", "m-story"]);
  });
});
