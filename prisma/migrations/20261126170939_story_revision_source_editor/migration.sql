-- AlterTable
ALTER TABLE "Story" ADD COLUMN     "editorOfRecordId" TEXT,
ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "source" TEXT NOT NULL DEFAULT '';

-- AddForeignKey
ALTER TABLE "Story" ADD CONSTRAINT "Story_editorOfRecordId_fkey" FOREIGN KEY ("editorOfRecordId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Existing stories: the visible number continues from their latest revision (older histories keep
-- the gaps autosaves left), and a released story's editor of record is whoever last published or
-- scheduled it, as the audit log says.
UPDATE "Story" s SET "revision" = r.latest
FROM (SELECT "storyId", MAX("version") AS latest FROM "StoryRevision" GROUP BY "storyId") r
WHERE r."storyId" = s."id";

UPDATE "Story" s SET "editorOfRecordId" = (
  SELECT a."actorId" FROM "AuditEvent" a
  WHERE a."entityType" = 'story' AND a."entityId" = s."id" AND a."action" IN ('story.publish', 'story.schedule') AND a."actorId" IS NOT NULL
  ORDER BY a."createdAt" DESC LIMIT 1
)
WHERE s."status" IN ('PUBLISHED', 'SCHEDULED', 'UNPUBLISHED', 'ARCHIVED');
