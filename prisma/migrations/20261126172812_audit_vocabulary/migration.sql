-- CreateIndex
CREATE INDEX "AuditEvent_action_createdAt_idx" ON "AuditEvent"("action", "createdAt");

-- One vocabulary for the audit log (lib/audit-vocabulary.ts). The importer, sign-in, account changes,
-- the seed and create-admin wrote capitalised record types (User, Story, Roundup) while everything
-- else wrote lowercase ones, so the type filter listed both and missed events. Lowercase them all.
UPDATE "AuditEvent" SET "entityType" = lower("entityType") WHERE "entityType" <> lower("entityType");

-- Event types were already lowercase and dotted. Lowercase any stray capitalised ones too, so the
-- stored strings match the vocabulary keys exactly.
UPDATE "AuditEvent" SET "action" = lower("action") WHERE "action" <> lower("action");
