-- CreateEnum
CREATE TYPE "StoryNoteKind" AS ENUM ('NOTE', 'RETURN', 'REJECT');

-- AlterTable
ALTER TABLE "Story" ADD COLUMN     "activityAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "reviewReason" TEXT,
ADD COLUMN     "reviewedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "StoryNote" (
    "id" TEXT NOT NULL,
    "storyId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "kind" "StoryNoteKind" NOT NULL DEFAULT 'NOTE',
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoryNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoryFollow" (
    "userId" TEXT NOT NULL,
    "storyId" TEXT NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoryFollow_pkey" PRIMARY KEY ("userId","storyId")
);

-- CreateIndex
CREATE INDEX "StoryNote_storyId_createdAt_idx" ON "StoryNote"("storyId", "createdAt");

-- CreateIndex
CREATE INDEX "StoryFollow_storyId_idx" ON "StoryFollow"("storyId");

-- AddForeignKey
ALTER TABLE "StoryNote" ADD CONSTRAINT "StoryNote_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoryNote" ADD CONSTRAINT "StoryNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoryFollow" ADD CONSTRAINT "StoryFollow_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoryFollow" ADD CONSTRAINT "StoryFollow_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Existing stories: their last activity is their last change, and their authors follow them (read up to now).
UPDATE "Story" SET "activityAt" = "updatedAt";
INSERT INTO "StoryFollow" ("userId", "storyId") SELECT "authorId", "id" FROM "Story" ON CONFLICT DO NOTHING;

-- Authors follow their own stories by default, however the story is created (editor, importer, seed,
-- scripts), and may unfollow afterwards, which deletes the row. The migration runner splits scripts at
-- every semicolon, even inside quoted bodies, so the PL/pgSQL body writes its semicolons as \073.
CREATE FUNCTION roundup_follow_own_story() RETURNS trigger
LANGUAGE plpgsql AS E'BEGIN INSERT INTO "StoryFollow" ("userId", "storyId") VALUES (NEW."authorId", NEW."id") ON CONFLICT DO NOTHING\073 RETURN NEW\073 END'
;

CREATE TRIGGER "Story_author_follows" AFTER INSERT ON "Story" FOR EACH ROW EXECUTE FUNCTION roundup_follow_own_story();
