-- AlterTable
ALTER TABLE "Roundup" ADD COLUMN     "leadAlt" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "leadCaption" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "leadCredit" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "Roundup_year_title_idx" ON "Roundup"("year", "title");

-- Imports used to put a roundup lead photo known only by its caption and credit into a Media row
-- without a file, with the whole caption as its alt text. Move caption and credit into the slot and
-- detach that row, so the public page shows no caption without a photo.
UPDATE "Roundup" AS r
SET "leadCaption" = m.caption, "leadCredit" = m.credit, "leadMediaId" = NULL
FROM "Media" AS m
WHERE r."leadMediaId" = m.id AND m."storageKey" IS NULL;

-- Rows without a file that nothing uses any more show nothing anywhere: remove them.
DELETE FROM "Media" AS m
WHERE m."storageKey" IS NULL
  AND NOT EXISTS (SELECT 1 FROM "Roundup" AS r WHERE r."leadMediaId" = m.id)
  AND NOT EXISTS (SELECT 1 FROM "Story" AS s WHERE s."leadMediaId" = m.id)
  AND NOT EXISTS (SELECT 1 FROM "StoryRevision" AS v WHERE v."leadMediaId" = m.id);
