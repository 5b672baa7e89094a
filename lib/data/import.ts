import "server-only";
import type { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { requireEditor } from "@/lib/auth/guards";
import type { Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/data/audit";
import { db } from "@/lib/db";
import { AppError, invalid } from "@/lib/errors";
import { tagIdsFor } from "@/lib/data/story-access";
import { retryOnUniqueViolation } from "@/lib/data/unique-retry";
import { dekFromParagraphs } from "@/lib/import/dek";
import { itemBody } from "@/lib/import/to-markdown";
import { slugify } from "@/lib/slug";
import { importChoicesSchema, type ImportChoices } from "@/lib/validation/import";
import { importOutlineSchema, outlineProblems, type OutlineRoundup } from "@/lib/validation/import-outline";

/** A parsed document or an editor's corrected outline; validated here before anything is written. */
export type ImportInput = z.input<typeof importOutlineSchema>;

export type ImportedRoundup = { id: string; slug: string; title: string; storyIds: string[]; stories: { id: string; title: string; rank: number }[] };

/** A roundup an import would repeat: made from the same document, or with the same title and year. */
export type DuplicateImport = { id: string; title: string; year: number; createdAt: Date; reason: "document" | "title" };

/** The lists of a document as the duplicate check compares them. */
type ListKey = { title: string; year: number | null };

const ONLY_EDITORS_IMPORT = "只有编辑和管理员可以导入榜单。";

/** Refusal of a repeat import; carries the roundups it would repeat, for links and "仍然导入". */
export class DuplicateImportError extends AppError {
  constructor(readonly duplicates: DuplicateImport[]) {
    const names = duplicates.map((d) => `“${d.title}”（${d.year}年）`).join("、");
    const document = duplicates.some((d) => d.reason === "document");
    super("CONFLICT", document ? `这份文档已经导入过（${names}），没有重复创建。` : `已有同名同年的榜单（${names}），没有重复创建。`);
    this.name = "DuplicateImportError";
  }
}

function yearOf(list: ListKey): number {
  return list.year ?? fallbackYear();
}

async function duplicatesOf(client: Pick<typeof db, "roundup">, fingerprint: string, lists: readonly ListKey[]): Promise<DuplicateImport[]> {
  const select = { id: true, title: true, year: true, createdAt: true } as const;
  const [sameDocument, sameTitle] = await Promise.all([
    client.roundup.findMany({ where: { importFingerprint: fingerprint }, orderBy: { createdAt: "desc" }, select }),
    lists.length
      ? client.roundup.findMany({ where: { OR: lists.map((list) => ({ year: yearOf(list), title: { equals: list.title.trim(), mode: "insensitive" as const } })) }, orderBy: { createdAt: "desc" }, select })
      : Promise.resolve([]),
  ]);
  const found = new Map<string, DuplicateImport>();
  for (const row of sameDocument) found.set(row.id, { ...row, reason: "document" });
  for (const row of sameTitle) if (!found.has(row.id)) found.set(row.id, { ...row, reason: "title" });
  return [...found.values()];
}

/**
 * Roundups this import would repeat, newest first: those made from the very same document (same
 * fingerprint) and those with the same title and year as one of its lists, however they were made.
 */
export async function findDuplicateImports(actor: Actor | null, fingerprint: string, lists: readonly ListKey[]): Promise<DuplicateImport[]> {
  requireEditor(actor, ONLY_EDITORS_IMPORT);
  return duplicatesOf(db, fingerprint, lists);
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

type StoryChoices = { sectionId: string | null; tagIds: string[]; tagNames: string[] };

async function createOne(tx: Prisma.TransactionClient, actor: Actor, roundup: OutlineRoundup, fingerprint: string, choices: StoryChoices): Promise<ImportedRoundup> {
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
      // The document's lead photo is known by its caption and credit only; the file and its alt
      // text are added in the roundup editor.
      leadCaption: roundup.caption ?? "",
      leadCredit: roundup.credit ?? "",
      createdById: actor.id,
    },
    select: { id: true, slug: true, title: true },
  });

  const stories: ImportedRoundup["stories"] = [];
  for (const item of roundup.items) {
    const photo =
      item.caption || item.credit
        ? await tx.media.create({
            data: { alt: item.caption ?? item.title, caption: item.caption ?? "", credit: item.credit ?? "", uploadedById: actor.id },
            select: { id: true },
          })
        : null;
    const body = itemBody(item);
    const dek = dekFromParagraphs(item.paragraphs);
    const story = await tx.story.create({
      data: {
        slug: await uniqueSlug(tx, slugify(item.title), "story"),
        title: item.title,
        dek,
        body,
        status: "DRAFT",
        authorId: actor.id,
        sectionId: choices.sectionId,
        leadMediaId: photo?.id ?? null,
      },
      select: { id: true, slug: true },
    });
    if (choices.tagIds.length > 0) await tx.storyTag.createMany({ data: choices.tagIds.map((tagId) => ({ storyId: story.id, tagId })) });
    await tx.storyRevision.create({
      data: { storyId: story.id, version: 1, title: item.title, dek, body, byline: "", sectionId: choices.sectionId, tagNames: choices.tagNames, leadMediaId: photo?.id ?? null, editorId: actor.id },
    });
    await tx.roundupItem.create({
      data: { roundupId: created.id, storyId: story.id, rank: item.rank, ...(item.votes === null ? {} : { metadata: { votes: item.votes } }) },
    });
    await recordAudit(tx, { actorId: actor.id, action: "story.create", entityType: "story", entityId: story.id, summary: `导入草稿：${item.title.slice(0, 60)}` });
    stories.push({ id: story.id, title: item.title, rank: item.rank });
  }
  await recordAudit(tx, {
    actorId: actor.id,
    action: "roundup.import",
    entityType: "roundup",
    entityId: created.id,
    summary: `导入榜单草稿“${roundup.title}”，共 ${roundup.items.length} 条`,
  });
  return { ...created, storyIds: stories.map((story) => story.id), stories };
}

/**
 * Creates a draft roundup (with draft stories in rank order) for each list in a parsed document or a
 * corrected outline, all in one transaction: either every draft is created or none. Each story gets
 * a dek from its first sentence and the section and tags chosen for the import. An import that
 * would repeat a roundup (same document, or same title and year) is refused with the roundups it
 * would repeat, unless the caller explicitly allows a second copy.
 */
export async function importRoundups(
  caller: Actor | null,
  input: ImportInput,
  options: { fingerprint: string; allowDuplicate?: boolean } & Partial<z.input<typeof importChoicesSchema>>,
): Promise<ImportedRoundup[]> {
  const actor = requireEditor(caller, ONLY_EDITORS_IMPORT);
  const parsed = importOutlineSchema.safeParse(input);
  if (!parsed.success) throw invalid(outlineProblems(parsed.error).join("\n"));
  const doc = parsed.data;
  const chosen = importChoicesSchema.safeParse({ sectionId: options.sectionId ?? "", tags: options.tags ?? "" });
  if (!chosen.success) throw invalid(chosen.error.issues.map((issue) => issue.message).join(" "), { field: String(chosen.error.issues[0]?.path[0] ?? "") || undefined });
  const choices: ImportChoices = chosen.data;
  return retryOnUniqueViolation(() => db.$transaction(async (tx) => {
    // Serialises imports of the same document or of a list with the same title and year, so two
    // clicks can't both pass the duplicate check. Taken in one order, so two imports can't deadlock.
    const lockKeys = [options.fingerprint, ...doc.roundups.map((list) => `${yearOf(list)}|${list.title.trim().toLowerCase()}`)].sort();
    for (const key of lockKeys) await tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${key}))`;
    if (!options.allowDuplicate) {
      const duplicates = await duplicatesOf(tx, options.fingerprint, doc.roundups);
      if (duplicates.length > 0) throw new DuplicateImportError(duplicates);
    }
    if (choices.sectionId && !(await tx.section.findUnique({ where: { id: choices.sectionId }, select: { id: true } }))) {
      throw invalid("所选栏目不存在，请重新选择。", { field: "sectionId" });
    }
    const storyChoices: StoryChoices = { sectionId: choices.sectionId, tagNames: choices.tags, tagIds: await tagIdsFor(tx, choices.tags) };
    const created: ImportedRoundup[] = [];
    for (const roundup of doc.roundups) created.push(await createOne(tx, actor, roundup, options.fingerprint, storyChoices));
    return created;
  }, { timeout: 60_000 }));
}
