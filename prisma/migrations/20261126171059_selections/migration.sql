-- CreateEnum
CREATE TYPE "SelectionTieBreak" AS ENUM ('JURY_FIRST', 'BALLOTS_FIRST', 'CANDIDATE_ORDER');

-- AlterTable
ALTER TABLE "Roundup" ADD COLUMN     "showSelectionScores" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Selection" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "intro" TEXT NOT NULL DEFAULT '',
    "maxChoices" INTEGER NOT NULL DEFAULT 10,
    "opensAt" TIMESTAMP(3) NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "resultsPublic" BOOLEAN NOT NULL DEFAULT false,
    "readerWeight" INTEGER NOT NULL DEFAULT 40,
    "tieBreak" "SelectionTieBreak" NOT NULL DEFAULT 'JURY_FIRST',
    "excludeFlagged" BOOLEAN NOT NULL DEFAULT false,
    "roundupId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Selection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SelectionCandidate" (
    "id" TEXT NOT NULL,
    "selectionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "storyId" TEXT,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "SelectionCandidate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Ballot" (
    "id" TEXT NOT NULL,
    "selectionId" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "voterId" TEXT,
    "addressHash" TEXT NOT NULL,
    "flags" TEXT[],
    "choiceDigest" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Ballot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BallotChoice" (
    "ballotId" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,

    CONSTRAINT "BallotChoice_pkey" PRIMARY KEY ("ballotId","candidateId")
);

-- CreateTable
CREATE TABLE "Juror" (
    "id" TEXT NOT NULL,
    "selectionId" TEXT NOT NULL,
    "userId" TEXT,
    "name" TEXT NOT NULL,
    "inviteTokenHash" TEXT,
    "inviteExpiresAt" TIMESTAMP(3),
    "inviteUsedAt" TIMESTAMP(3),
    "sessionHash" TEXT,
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Juror_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JuryScore" (
    "jurorId" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "JuryScore_pkey" PRIMARY KEY ("jurorId","candidateId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Selection_slug_key" ON "Selection"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Selection_roundupId_key" ON "Selection"("roundupId");

-- CreateIndex
CREATE INDEX "Selection_year_idx" ON "Selection"("year");

-- CreateIndex
CREATE INDEX "SelectionCandidate_storyId_idx" ON "SelectionCandidate"("storyId");

-- CreateIndex
CREATE UNIQUE INDEX "SelectionCandidate_selectionId_position_key" ON "SelectionCandidate"("selectionId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Ballot_idempotencyKey_key" ON "Ballot"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Ballot_selectionId_createdAt_idx" ON "Ballot"("selectionId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Ballot_selectionId_voterId_key" ON "Ballot"("selectionId", "voterId");

-- CreateIndex
CREATE INDEX "BallotChoice_candidateId_idx" ON "BallotChoice"("candidateId");

-- CreateIndex
CREATE UNIQUE INDEX "Juror_inviteTokenHash_key" ON "Juror"("inviteTokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Juror_sessionHash_key" ON "Juror"("sessionHash");

-- CreateIndex
CREATE UNIQUE INDEX "Juror_selectionId_userId_key" ON "Juror"("selectionId", "userId");

-- CreateIndex
CREATE INDEX "JuryScore_candidateId_idx" ON "JuryScore"("candidateId");

-- AddForeignKey
ALTER TABLE "Selection" ADD CONSTRAINT "Selection_roundupId_fkey" FOREIGN KEY ("roundupId") REFERENCES "Roundup"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Selection" ADD CONSTRAINT "Selection_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SelectionCandidate" ADD CONSTRAINT "SelectionCandidate_selectionId_fkey" FOREIGN KEY ("selectionId") REFERENCES "Selection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SelectionCandidate" ADD CONSTRAINT "SelectionCandidate_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ballot" ADD CONSTRAINT "Ballot_selectionId_fkey" FOREIGN KEY ("selectionId") REFERENCES "Selection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BallotChoice" ADD CONSTRAINT "BallotChoice_ballotId_fkey" FOREIGN KEY ("ballotId") REFERENCES "Ballot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BallotChoice" ADD CONSTRAINT "BallotChoice_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "SelectionCandidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Juror" ADD CONSTRAINT "Juror_selectionId_fkey" FOREIGN KEY ("selectionId") REFERENCES "Selection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Juror" ADD CONSTRAINT "Juror_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JuryScore" ADD CONSTRAINT "JuryScore_jurorId_fkey" FOREIGN KEY ("jurorId") REFERENCES "Juror"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JuryScore" ADD CONSTRAINT "JuryScore_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "SelectionCandidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Rules the database keeps even if a caller skipped validation (Prisma's schema can't express them).
ALTER TABLE "JuryScore" ADD CONSTRAINT "JuryScore_score_range" CHECK ("score" BETWEEN 1 AND 10);
ALTER TABLE "Selection" ADD CONSTRAINT "Selection_reader_weight_range" CHECK ("readerWeight" BETWEEN 0 AND 100);
ALTER TABLE "Selection" ADD CONSTRAINT "Selection_max_choices_positive" CHECK ("maxChoices" >= 1);
ALTER TABLE "Selection" ADD CONSTRAINT "Selection_window_order" CHECK ("closesAt" > "opensAt");
