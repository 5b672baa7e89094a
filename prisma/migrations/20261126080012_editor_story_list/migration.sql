-- AlterTable
ALTER TABLE "Story" ADD COLUMN     "updatedById" TEXT;

-- CreateIndex
CREATE INDEX "Story_updatedAt_id_idx" ON "Story"("updatedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Story_status_updatedAt_id_idx" ON "Story"("status", "updatedAt" DESC, "id" DESC);
