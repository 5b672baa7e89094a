-- AlterTable
ALTER TABLE "Roundup" ADD COLUMN     "outro" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "RoundupItem" ADD COLUMN     "metadata" JSONB;
