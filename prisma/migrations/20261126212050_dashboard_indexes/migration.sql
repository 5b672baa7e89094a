-- AlterTable
ALTER TABLE "StoryFollow" ADD COLUMN     "storyActivityAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateIndex
CREATE INDEX "Story_authorId_status_reviewedAt_idx" ON "Story"("authorId", "status", "reviewedAt" DESC);

-- CreateIndex
CREATE INDEX "StoryFollow_userId_storyActivityAt_storyId_idx" ON "StoryFollow"("userId", "storyActivityAt" DESC, "storyId");

-- storyActivityAt follows the story's activityAt: set from the story when a follow is made, and
-- copied to every follow when the story's activity moves (a note, a status change). The migration
-- runner splits scripts at every semicolon, so the PL/pgSQL bodies write theirs as \073.
CREATE FUNCTION roundup_follow_copy_activity() RETURNS trigger
LANGUAGE plpgsql AS E'BEGIN NEW."storyActivityAt" := (SELECT "activityAt" FROM "Story" WHERE id = NEW."storyId")\073 RETURN NEW\073 END'
;

CREATE TRIGGER "StoryFollow_copy_activity" BEFORE INSERT ON "StoryFollow" FOR EACH ROW EXECUTE FUNCTION roundup_follow_copy_activity();

CREATE FUNCTION roundup_story_activity_to_follows() RETURNS trigger
LANGUAGE plpgsql AS E'BEGIN UPDATE "StoryFollow" SET "storyActivityAt" = NEW."activityAt" WHERE "storyId" = NEW.id\073 RETURN NULL\073 END'
;

CREATE TRIGGER "Story_activity_to_follows" AFTER UPDATE OF "activityAt" ON "Story" FOR EACH ROW
WHEN (OLD."activityAt" IS DISTINCT FROM NEW."activityAt") EXECUTE FUNCTION roundup_story_activity_to_follows();

UPDATE "StoryFollow" f SET "storyActivityAt" = s."activityAt" FROM "Story" s WHERE s.id = f."storyId";

-- Only the unread follows, so the header's unread count reads those and nothing else.
CREATE INDEX "StoryFollow_unread_idx" ON "StoryFollow"("userId") WHERE "storyActivityAt" > "seenAt";
