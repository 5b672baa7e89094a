import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { requireAdmin } from "@/lib/auth/guards";
import type { Actor } from "@/lib/auth/roles";
import { AUDIT_RECORD_LABELS, auditEventLabel, auditRecordLabel, type AuditEventType, type AuditRecordType } from "@/lib/audit-vocabulary";
import { db } from "@/lib/db";
import type { AuditFilter } from "@/lib/validation/audit";

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
/** Rows per query while exporting: the CSV is written batch by batch, never held whole. */
const EXPORT_BATCH = 500;
/** How many records a title search may match; more words narrow it. */
const RECORD_MATCH_LIMIT = 500;

/** The record an event is about, as people read it. */
export type AuditRecordRef = {
  type: string;
  typeLabel: string;
  id: string | null;
  /** The record's current title or name; null when the event names no record, or it was removed. */
  title: string | null;
  /** Where staff open it; null when it is gone or has no page. */
  href: string | null;
  removed: boolean;
};

export type AuditRow = {
  id: string;
  createdAt: Date;
  type: string;
  typeLabel: string;
  /** The account that acted, or null (failed sign-ins of unknown addresses, the seed, the CLI). */
  actor: { id: string; name: string; email: string } | null;
  /** What the log knew about an actor without an account: the e-mail tried, "seed", a CLI. */
  actorLabel: string;
  record: AuditRecordRef;
  summary: string;
  ip: string | null;
};

const ROW_SELECT = {
  id: true,
  action: true,
  entityType: true,
  entityId: true,
  summary: true,
  ip: true,
  actorLabel: true,
  createdAt: true,
  actor: { select: { id: true, name: true, email: true } },
} satisfies Prisma.AuditEventSelect;

type StoredRow = Prisma.AuditEventGetPayload<{ select: typeof ROW_SELECT }>;

/** One day in Asia/Shanghai (the newsroom's clock), as UTC bounds for the date filter. */
function shanghaiDayStart(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00+08:00`);
}

/** Ids of records of these types whose title (name, e-mail, image text) contains the words. */
async function recordsMatching(types: readonly AuditRecordType[], words: string): Promise<string[]> {
  const contains = { contains: words, mode: "insensitive" } as const;
  const take = RECORD_MATCH_LIMIT;
  const found = await Promise.all(
    types.map(async (type): Promise<{ id: string }[]> => {
      switch (type) {
        case "story":
          return db.story.findMany({ where: { title: contains }, select: { id: true }, take });
        case "roundup":
          return db.roundup.findMany({ where: { title: contains }, select: { id: true }, take });
        case "selection":
          return db.selection.findMany({ where: { title: contains }, select: { id: true }, take });
        case "user":
          return db.user.findMany({ where: { OR: [{ name: contains }, { email: contains }] }, select: { id: true }, take });
        case "media":
          return db.media.findMany({ where: { OR: [{ alt: contains }, { caption: contains }] }, select: { id: true }, take });
        case "site":
          return [];
      }
    }),
  );
  return found.flat().map((row) => row.id);
}

async function whereOf(filter: AuditFilter): Promise<Prisma.AuditEventWhereInput> {
  const and: Prisma.AuditEventWhereInput[] = [];
  if (filter.action) and.push(filter.action.endsWith(".") ? { action: { startsWith: filter.action } } : { action: filter.action });
  if (filter.actor) and.push({ actorId: filter.actor });
  if (filter.recordType) and.push({ entityType: filter.recordType });
  if (filter.record) {
    // A record by its id, by words of its current title, or (for removed records) by the summary,
    // which names the record as it was.
    const types = filter.recordType ? [filter.recordType] : (Object.keys(AUDIT_RECORD_LABELS) as AuditRecordType[]);
    const ids = await recordsMatching(types, filter.record);
    and.push({ OR: [{ entityId: filter.record }, ...(ids.length ? [{ entityId: { in: ids } }] : []), { summary: { contains: filter.record, mode: "insensitive" } }] });
  }
  if (filter.from || filter.to) {
    const createdAt: Prisma.DateTimeFilter = {};
    if (filter.from) createdAt.gte = shanghaiDayStart(filter.from);
    if (filter.to) createdAt.lt = new Date(shanghaiDayStart(filter.to).getTime() + 24 * 60 * 60 * 1000);
    and.push({ createdAt });
  }
  if (filter.q) {
    and.push({
      OR: [
        { actorLabel: { contains: filter.q, mode: "insensitive" } },
        { actor: { is: { OR: [{ email: { contains: filter.q, mode: "insensitive" } }, { name: { contains: filter.q, mode: "insensitive" } }] } } },
        { summary: { contains: filter.q, mode: "insensitive" } },
        { entityId: filter.q },
        { actorId: filter.q },
      ],
    });
  }
  return and.length ? { AND: and } : {};
}

const STAFF_PAGE: Record<Exclude<AuditRecordType, "site">, (id: string, title: string) => string> = {
  story: (id) => `/editor/stories/${id}`,
  roundup: (id) => `/editor/roundups/${id}`,
  selection: (id) => `/editor/selections/${id}`,
  user: (id) => `/admin/accounts/${id}`,
  media: (_id, title) => `/editor/media?q=${encodeURIComponent(title)}`,
};

/** Current titles of the records a batch of events names, by type and id. */
async function titlesOf(rows: StoredRow[]): Promise<Map<string, string>> {
  const idsOf = (type: AuditRecordType) => [...new Set(rows.filter((row) => row.entityType === type && row.entityId).map((row) => row.entityId as string))];
  const [stories, roundups, selections, users, media] = await Promise.all([
    db.story.findMany({ where: { id: { in: idsOf("story") } }, select: { id: true, title: true } }),
    db.roundup.findMany({ where: { id: { in: idsOf("roundup") } }, select: { id: true, title: true } }),
    db.selection.findMany({ where: { id: { in: idsOf("selection") } }, select: { id: true, title: true } }),
    db.user.findMany({ where: { id: { in: idsOf("user") } }, select: { id: true, name: true, email: true } }),
    db.media.findMany({ where: { id: { in: idsOf("media") } }, select: { id: true, alt: true, caption: true } }),
  ]);
  const titles = new Map<string, string>();
  for (const story of stories) titles.set(`story:${story.id}`, story.title);
  for (const roundup of roundups) titles.set(`roundup:${roundup.id}`, roundup.title);
  for (const selection of selections) titles.set(`selection:${selection.id}`, selection.title);
  for (const user of users) titles.set(`user:${user.id}`, `${user.name}（${user.email}）`);
  for (const item of media) titles.set(`media:${item.id}`, item.alt || item.caption || "（无说明的图片）");
  return titles;
}

function recordOf(row: StoredRow, titles: Map<string, string>): AuditRecordRef {
  const base = { type: row.entityType, typeLabel: auditRecordLabel(row.entityType), id: row.entityId };
  if (row.entityType === "site") {
    const frontPage = row.action === "site.front_page";
    return { ...base, title: frontPage ? "首页安排" : "编辑部设置", href: frontPage ? "/editor/front-page" : "/admin/settings", removed: false };
  }
  if (!row.entityId) return { ...base, title: null, href: null, removed: false };
  const title = titles.get(`${row.entityType}:${row.entityId}`);
  const page = row.entityType in STAFF_PAGE ? STAFF_PAGE[row.entityType as keyof typeof STAFF_PAGE] : undefined;
  if (title === undefined) return { ...base, title: null, href: null, removed: page !== undefined };
  return { ...base, title, href: page ? page(row.entityId, title) : null, removed: false };
}

async function present(rows: StoredRow[]): Promise<AuditRow[]> {
  const titles = await titlesOf(rows);
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.createdAt,
    type: row.action,
    typeLabel: auditEventLabel(row.action),
    actor: row.actor,
    actorLabel: row.actorLabel,
    record: recordOf(row, titles),
    summary: row.summary,
    ip: row.ip,
  }));
}

/** The audit log, newest first, a page at a time, with names and links; admins only. */
export async function listAuditEvents(actor: Actor | null, filter: AuditFilter): Promise<{ rows: AuditRow[]; total: number; page: number; pageSize: number }> {
  requireAdmin(actor);
  const where = await whereOf(filter);
  const [rows, total] = await Promise.all([
    db.auditEvent.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (filter.page - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE, select: ROW_SELECT }),
    db.auditEvent.count({ where }),
  ]);
  return { rows: await present(rows), total, page: filter.page, pageSize: AUDIT_PAGE_SIZE };
}

/**
 * Every event the filter matches, newest first, in batches: each batch is one keyset query (after
 * the last row of the one before), so a large log is exported with bounded memory and no OFFSET scan.
 */
export async function* exportAuditEvents(actor: Actor | null, filter: Omit<AuditFilter, "page">): AsyncGenerator<AuditRow[]> {
  requireAdmin(actor);
  const where = await whereOf({ ...filter, page: 1 });
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const keyset: Prisma.AuditEventWhereInput = after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {};
    const rows: StoredRow[] = await db.auditEvent.findMany({ where: { AND: [where, keyset] }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: EXPORT_BATCH, select: ROW_SELECT });
    if (rows.length === 0) return;
    yield await present(rows);
    const last = rows[rows.length - 1] as StoredRow;
    after = { createdAt: last.createdAt, id: last.id };
    if (rows.length < EXPORT_BATCH) return;
  }
}

/** Accounts for the person filter, by name. */
export async function listAuditPeople(actor: Actor | null): Promise<{ id: string; name: string; email: string }[]> {
  requireAdmin(actor);
  return db.user.findMany({ orderBy: [{ name: "asc" }, { email: "asc" }], select: { id: true, name: true, email: true } });
}
