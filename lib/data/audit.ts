import type { Prisma } from "@/generated/prisma/client";

export type AuditInput = {
  actorId: string | null;
  actorLabel?: string;
  action: string;
  entityType: string;
  entityId?: string | null;
  summary: string;
  ip?: string | null;
};

/** Writes an audit event inside the caller's transaction, so the record and the change land together. */
export async function recordAudit(tx: Prisma.TransactionClient, event: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: event.actorId,
      actorLabel: event.actorLabel ?? "",
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId ?? null,
      summary: event.summary,
      ip: event.ip ?? null,
    },
  });
}
