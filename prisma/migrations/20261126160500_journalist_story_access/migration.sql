-- AlterTable
ALTER TABLE "SiteSettings" ADD COLUMN     "journalistsSeeAllStories" BOOLEAN NOT NULL DEFAULT false;
