import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { requireAdmin } from "@/lib/auth/guards";
import type { Actor } from "@/lib/auth/roles";
import type { AuditEventType, AuditRecordType } from "@/lib/audit-vocabulary";
import { db } from "@/lib/db";
import type { AuditFilter } from "@/lib/validation/accounts";

export type AuditInput = {
  actorId: string | null;
  actorLabel?: string;
  /** Only the vocabulary's types: a new type needs its Chinese label in lib/audit-vocabulary.ts first. */
  action: AuditEventType;
  entityType: AuditRecordType;
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

export const AUDIT_PAGE_SIZE = 50;

/** One day in Asia/Shanghai (the newsroom's clock), as UTC bounds for the date filter. */
function shanghaiDayStart(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00+08:00`);
}

/** The audit log, newest first, for admins only. */
export async function listAuditEvents(actor: Actor | null, filter: AuditFilter) {
  requireAdmin(actor);
  const createdAt: Prisma.DateTimeFilter = {};
  if (filter.from) createdAt.gte = shanghaiDayStart(filter.from);
  if (filter.to) createdAt.lt = new Date(shanghaiDayStart(filter.to).getTime() + 24 * 60 * 60 * 1000);
  const where: Prisma.AuditEventWhereInput = {
    ...(filter.action ? { action: { startsWith: filter.action } } : {}),
    ...(filter.entityType ? { entityType: filter.entityType } : {}),
    ...(filter.from || filter.to ? { createdAt } : {}),
    ...(filter.q
      ? {
          OR: [
            { actorLabel: { contains: filter.q, mode: "insensitive" } },
            { actor: { is: { OR: [{ email: { contains: filter.q, mode: "insensitive" } }, { name: { contains: filter.q, mode: "insensitive" } }] } } },
            { summary: { contains: filter.q, mode: "insensitive" } },
            { entityId: filter.q },
            { actorId: filter.q },
          ],
        }
      : {}),
  };
  const [rows, total] = await Promise.all([
    db.auditEvent.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: {
        id: true,
        action: true,
        entityType: true,
        entityId: true,
        summary: true,
        ip: true,
        actorLabel: true,
        createdAt: true,
        actor: { select: { name: true, email: true } },
      },
    }),
    db.auditEvent.count({ where }),
  ]);
  return { rows, total, page: filter.page, pageSize: AUDIT_PAGE_SIZE };
}
