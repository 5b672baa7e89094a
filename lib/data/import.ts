import "server-only";
import type { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { requireEditor } from "@/lib/auth/guards";
import type { Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/data/audit";
import { db } from "@/lib/db";
import { conflict, invalid } from "@/lib/errors";
import { retryOnUniqueViolation } from "@/lib/data/unique-retry";
import { itemBody } from "@/lib/import/to-markdown";
import { slugify } from "@/lib/slug";
import { importOutlineSchema, outlineProblems, type OutlineRoundup } from "@/lib/validation/import-outline";

/** A parsed document or an editor's corrected outline; validated here before anything is written. */
export type ImportInput = z.input<typeof importOutlineSchema>;

export type ImportedRoundup = { id: string; slug: string; title: string; storyIds: string[] };
export type PreviousImport = { id: string; title: string; createdAt: Date };

const ONLY_EDITORS_IMPORT = "只有编辑和管理员可以导入榜单。";

/** Roundups already created from this very document (same fingerprint), newest first. */
export async function findPreviousImports(actor: Actor | null, fingerprint: string): Promise<PreviousImport[]> {
  requireEditor(actor, ONLY_EDITORS_IMPORT);
  return db.roundup.findMany({
    where: { importFingerprint: fingerprint },
    orderBy: { createdAt: "desc" },
    select: { id: true, title: true, createdAt: true },
  });
}

async function uniqueSlug(tx: Prisma.TransactionClient, base: string, table: "story" | "roundup"): Promise<string> {
  const root = base || `${table}-${Date.now().toString(36)}`;
  for (let attempt = 1; ; attempt++) {
    const candidate = attempt === 1 ? root : `${root}-${attempt}`;
    const taken =
      table === "story"
        ? (await tx.story.count({ where: { slug: candidate } })) + (await tx.slugRedirect.count({ where: { slug: candidate } }))
        : await tx.roundup.count({ where: { slug: candidate } });
    if (taken === 0) return candidate;
  }
}

function fallbackYear(): number {
  return Number(new Intl.DateTimeFormat("en", { timeZone: "Asia/Shanghai", year: "numeric" }).format(new Date()));
}

async function createOne(tx: Prisma.TransactionClient, actor: Actor, roundup: OutlineRoundup, fingerprint: string): Promise<ImportedRoundup> {
  const leadMedia =
    roundup.caption || roundup.credit
      ? await tx.media.create({
          data: { alt: roundup.caption ?? roundup.title, caption: roundup.caption ?? "", credit: roundup.credit ?? "", uploadedById: actor.id },
          select: { id: true },
        })
      : null;
  const created = await tx.roundup.create({
    data: {
      slug: await uniqueSlug(tx, slugify(roundup.title), "roundup"),
      title: roundup.title,
      year: roundup.year ?? fallbackYear(),
      publisher: roundup.publisher ?? "",
      intro: roundup.intro ?? "",
      outro: roundup.outro ?? "",
      ordering: roundup.ordering === "date" ? "DATE" : "RANK",
      status: "DRAFT",
      importFingerprint: fingerprint,
      leadMediaId: leadMedia?.id ?? null,
      createdById: actor.id,
    },
    select: { id: true, slug: true, title: true },
  });

  const storyIds: string[] = [];
  for (const item of roundup.items) {
    const photo =
      item.caption || item.credit
        ? await tx.media.create({
            data: { alt: item.caption ?? item.title, caption: item.caption ?? "", credit: item.credit ?? "", uploadedById: actor.id },
            select: { id: true },
          })
        : null;
    const body = itemBody(item);
    const story = await tx.story.create({
      data: {
        slug: await uniqueSlug(tx, slugify(item.title), "story"),
        title: item.title,
        body,
        status: "DRAFT",
        authorId: actor.id,
        leadMediaId: photo?.id ?? null,
      },
      select: { id: true, slug: true },
    });
    await tx.storyRevision.create({
      data: { storyId: story.id, version: 1, title: item.title, dek: "", body, byline: "", tagNames: [], leadMediaId: photo?.id ?? null, editorId: actor.id },
    });
    await tx.roundupItem.create({
      data: { roundupId: created.id, storyId: story.id, rank: item.rank, ...(item.votes === null ? {} : { metadata: { votes: item.votes } }) },
    });
    await recordAudit(tx, { actorId: actor.id, action: "story.create", entityType: "story", entityId: story.id, summary: `导入草稿：${item.title.slice(0, 60)}` });
    storyIds.push(story.id);
  }
  await recordAudit(tx, {
    actorId: actor.id,
    action: "roundup.import",
    entityType: "roundup",
    entityId: created.id,
    summary: `导入榜单草稿“${roundup.title}”，共 ${roundup.items.length} 条`,
  });
  return { ...created, storyIds };
}

/**
 * Creates a draft roundup (with draft stories in rank order) for each list in a parsed document or a
 * corrected outline, all in one transaction: either every draft is created or none. A document
 * imported before is refused unless the caller explicitly allows a second copy.
 */
export async function importRoundups(
  caller: Actor | null,
  input: ImportInput,
  options: { fingerprint: string; allowDuplicate?: boolean },
): Promise<ImportedRoundup[]> {
  const actor = requireEditor(caller, ONLY_EDITORS_IMPORT);
  const parsed = importOutlineSchema.safeParse(input);
  if (!parsed.success) throw invalid(outlineProblems(parsed.error).join("\n"));
  const doc = parsed.data;
  return retryOnUniqueViolation(() => db.$transaction(async (tx) => {
    // Serialises imports of the same document, so two clicks can't both pass the duplicate check.
    await tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${options.fingerprint}))`;
    if (!options.allowDuplicate) {
      const previous = await tx.roundup.findFirst({ where: { importFingerprint: options.fingerprint }, select: { title: true } });
      if (previous) {
        throw conflict(`这份文档已经导入过（“${previous.title}”），没有重复创建。`);
      }
    }
    const created: ImportedRoundup[] = [];
    for (const roundup of doc.roundups) created.push(await createOne(tx, actor, roundup, options.fingerprint));
    return created;
  }, { timeout: 60_000 }));
}
