-- AlterTable
ALTER TABLE "StoryRevision" ADD COLUMN     "restoredFromVersion" INTEGER;
