import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { requireEditor } from "@/lib/auth/guards";
import type { Actor } from "@/lib/auth/roles";
import { cacheTags } from "@/lib/cache/tags";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/data/audit";
import { announceExpiredTags } from "@/lib/data/cache-announce";
import { selectionSettingsSelect } from "@/lib/data/public-selections";
import { stampOf } from "@/lib/data/stamp";
import { retryOnUniqueViolation } from "@/lib/data/unique-retry";
import { publishedStoryWhere } from "@/lib/data/visibility";
import { AppError, conflict, invalid, notFound } from "@/lib/errors";
import { windowState, type WindowState } from "@/lib/selection/window";
import { slugify } from "@/lib/slug";
import { MAX_CANDIDATES, type SelectionInput } from "@/lib/validation/selection";

// Selections (年度评选) for editors: the selection itself and its candidates. Jurors are in
// lib/data/jurors.ts, ballots in lib/data/ballots.ts, results and "生成榜单" in
// lib/data/selection-results.ts. Every change is audited in its own transaction and announces the
// voting page's cache tag there (lib/data/cache-announce.ts).

type Tx = Prisma.TransactionClient;

export type SelectionListRow = { id: string; slug: string; title: string; year: number; state: WindowState; candidates: number; ballots: number };

export async function listSelections(actor: Actor | null, now: Date = new Date()): Promise<SelectionListRow[]> {
  requireEditor(actor);
  const rows = await db.selection.findMany({
    orderBy: [{ year: "desc" }, { createdAt: "desc" }],
    select: { id: true, slug: true, title: true, year: true, opensAt: true, closesAt: true, _count: { select: { candidates: true, ballots: true } } },
  });
  return rows.map((row) => ({ id: row.id, slug: row.slug, title: row.title, year: row.year, state: windowState(row, now), candidates: row._count.candidates, ballots: row._count.ballots }));
}

export type EditorCandidate = { id: string; position: number; title: string; description: string; storyId: string | null; storySlug: string | null };

export type SelectionForEdit = Omit<SelectionInput, "id"> & {
  id: string;
  slug: string;
  state: WindowState;
  excludeFlagged: boolean;
  roundupId: string | null;
  ballots: number;
  /** The settings' digest as loaded, named by the settings form's save (a stale one is refused). */
  settingsStamp: string;
  /** Candidates may change only before voting opens and while no ballot exists. */
  candidatesLocked: boolean;
  candidates: EditorCandidate[];
};

/** The settings the editor's form edits, as stored. */
export type SelectionSettings = Omit<SelectionInput, "id">;

const SETTINGS_SELECT = { title: true, year: true, intro: true, maxChoices: true, opensAt: true, closesAt: true, resultsPublic: true, readerWeight: true, tieBreak: true } as const;

/** The settings' digest (lib/data/stamp.ts): candidate and juror changes leave it alone. */
function settingsStamp(s: SelectionSettings): string {
  return stampOf([s.title, s.year, s.intro, s.maxChoices, s.opensAt, s.closesAt, s.resultsPublic, s.readerWeight, s.tieBreak]);
}

/** A save of the settings based on an older copy: what is stored now, for the message. */
export class SelectionSettingsConflictError extends AppError {
  constructor(readonly current: SelectionSettings) {
    super("CONFLICT", "保存失败：评选设置在你打开页面之后被别人修改过。");
  }
}

export async function getSelectionForEdit(actor: Actor | null, id: string, now: Date = new Date()): Promise<SelectionForEdit | null> {
  requireEditor(actor);
  const row = await db.selection.findUnique({
    where: { id },
    select: {
      ...selectionSettingsSelect,
      readerWeight: true,
      tieBreak: true,
      excludeFlagged: true,
      roundupId: true,
      candidates: { orderBy: { position: "asc" }, select: { id: true, position: true, title: true, description: true, storyId: true, story: { select: { slug: true } } } },
      _count: { select: { ballots: true } },
    },
  });
  if (!row) return null;
  const { candidates, _count, ...settings } = row;
  const state = windowState(row, now);
  return {
    ...settings,
    state,
    ballots: _count.ballots,
    settingsStamp: settingsStamp(row),
    candidatesLocked: state !== "upcoming" || _count.ballots > 0,
    candidates: candidates.map(({ story, ...candidate }) => ({ ...candidate, storySlug: story?.slug ?? null })),
  };
}

async function uniqueSelectionSlug(tx: Tx, title: string, year: number): Promise<string> {
  const base = slugify(title) || `selection-${year}`;
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await tx.selection.findUnique({ where: { slug: candidate }, select: { id: true } }))) return candidate;
  }
}

function settingsOf(input: Omit<SelectionInput, "id">) {
  return {
    title: input.title,
    year: input.year,
    intro: input.intro,
    maxChoices: input.maxChoices,
    opensAt: input.opensAt,
    closesAt: input.closesAt,
    resultsPublic: input.resultsPublic,
    readerWeight: input.readerWeight,
    tieBreak: input.tieBreak,
  };
}

export async function createSelection(actor: Actor | null, input: Omit<SelectionInput, "id">): Promise<{ id: string; slug: string }> {
  const editor = requireEditor(actor);
  return retryOnUniqueViolation(() =>
    db.$transaction(async (tx) => {
      const slug = await uniqueSelectionSlug(tx, input.title, input.year);
      const created = await tx.selection.create({ data: { ...settingsOf(input), slug, createdById: editor.id }, select: { id: true, slug: true } });
      await recordAudit(tx, { actorId: editor.id, action: "selection.create", entityType: "selection", entityId: created.id, summary: `新建评选《${input.title}》` });
      // A reader may have opened this address before it existed: that "not found" is cached under the same tag.
      await announceExpiredTags(tx, [cacheTags.selection(created.slug), cacheTags.selectionTotals(created.slug)]);
      return created;
    }),
  );
}

/** Locks the selection's row for the transaction (concurrent changes queue up) and returns it. */
async function lockSelection(tx: Tx, id: string) {
  const row = await tx.selection.update({ where: { id }, data: { version: { increment: 1 } }, select: { id: true, slug: true, title: true, opensAt: true, closesAt: true, maxChoices: true } }).catch(() => null);
  if (!row) throw notFound("找不到这个评选。");
  return row;
}

export type SelectionChange = { slug: string };

/** With baseStamp (the settingsStamp the form loaded), refuses with SelectionSettingsConflictError when the settings changed since. */
export async function updateSelection(actor: Actor | null, id: string, input: SelectionSettings, now: Date = new Date(), baseStamp?: string): Promise<SelectionChange> {
  const editor = requireEditor(actor);
  return db.$transaction(async (tx) => {
    const before = await lockSelection(tx, id);
    if (baseStamp) {
      // Read under the row lock just taken, so a save landing meanwhile is seen.
      const current = await tx.selection.findUniqueOrThrow({ where: { id }, select: SETTINGS_SELECT });
      if (settingsStamp(current) !== baseStamp) throw new SelectionSettingsConflictError(current);
    }
    const ballots = await tx.ballot.count({ where: { selectionId: id } });
    // Readers already chose under the old limit: lowering it would make their ballots invalid.
    if (ballots > 0 && input.maxChoices < before.maxChoices) throw invalid("已有读者投票，每人可选项数只能调高，不能调低。", { field: "maxChoices" });
    if (windowState(before, now) !== "upcoming" && input.opensAt.getTime() !== before.opensAt.getTime() && ballots > 0) {
      throw invalid("已有读者投票，不能再改开始时间。", { field: "opensAt" });
    }
    await tx.selection.update({ where: { id }, data: settingsOf(input) });
    const changes = [`窗口 ${input.opensAt.toISOString()} — ${input.closesAt.toISOString()}`, `最多选 ${input.maxChoices} 项`, `读者 ${input.readerWeight}% / 评委 ${100 - input.readerWeight}%`, input.resultsPublic ? "公开票数" : "不公开票数"];
    await recordAudit(tx, { actorId: editor.id, action: "selection.update", entityType: "selection", entityId: id, summary: `修改评选《${input.title}》：${changes.join("，")}` });
    await announceExpiredTags(tx, [cacheTags.selection(before.slug), cacheTags.selectionTotals(before.slug)]);
    return { slug: before.slug };
  });
}

/** Candidates change only before voting opens and while no ballot exists, so every ballot chose from the same list. */
async function lockCandidates(tx: Tx, selectionId: string, now: Date) {
  const selection = await lockSelection(tx, selectionId);
  if (windowState(selection, now) !== "upcoming" || (await tx.ballot.count({ where: { selectionId } })) > 0) {
    throw conflict("投票已经开始，候选名单不能再改。");
  }
  return selection;
}

async function appendCandidate(tx: Tx, selectionId: string, data: { title: string; description: string; storyId: string | null }) {
  const count = await tx.selectionCandidate.count({ where: { selectionId } });
  if (count >= MAX_CANDIDATES) throw invalid(`一个评选最多 ${MAX_CANDIDATES} 个候选。`);
  return tx.selectionCandidate.create({ data: { selectionId, position: count + 1, ...data }, select: { id: true } });
}

export async function addStoryCandidate(actor: Actor | null, input: { selectionId: string; storyId: string }, now: Date = new Date()): Promise<SelectionChange> {
  const editor = requireEditor(actor);
  return db.$transaction(async (tx) => {
    const selection = await lockCandidates(tx, input.selectionId, now);
    const story = await tx.story.findFirst({ where: { id: input.storyId, ...publishedStoryWhere(now) }, select: { id: true, title: true, dek: true } });
    if (!story) throw invalid("只能选择已发布的报道。", { field: "storyId" });
    if (await tx.selectionCandidate.findFirst({ where: { selectionId: selection.id, storyId: story.id }, select: { id: true } })) throw conflict("这篇报道已经是候选了。");
    await appendCandidate(tx, selection.id, { title: story.title, description: story.dek, storyId: story.id });
    await recordAudit(tx, { actorId: editor.id, action: "selection.candidate_add", entityType: "selection", entityId: selection.id, summary: `评选《${selection.title}》加入候选报道《${story.title}》` });
    await announceExpiredTags(tx, [cacheTags.selection(selection.slug)]);
    return { slug: selection.slug };
  });
}

export async function addTextCandidate(actor: Actor | null, input: { selectionId: string; title: string; description: string }, now: Date = new Date()): Promise<SelectionChange> {
  const editor = requireEditor(actor);
  return db.$transaction(async (tx) => {
    const selection = await lockCandidates(tx, input.selectionId, now);
    await appendCandidate(tx, selection.id, { title: input.title, description: input.description, storyId: null });
    await recordAudit(tx, { actorId: editor.id, action: "selection.candidate_add", entityType: "selection", entityId: selection.id, summary: `评选《${selection.title}》加入候选《${input.title}》` });
    await announceExpiredTags(tx, [cacheTags.selection(selection.slug)]);
    return { slug: selection.slug };
  });
}

export async function removeCandidate(actor: Actor | null, input: { selectionId: string; candidateId: string }, now: Date = new Date()): Promise<SelectionChange> {
  const editor = requireEditor(actor);
  return db.$transaction(async (tx) => {
    const selection = await lockCandidates(tx, input.selectionId, now);
    const removed = await tx.selectionCandidate.delete({ where: { id: input.candidateId, selectionId: selection.id }, select: { title: true } }).catch(() => null);
    if (!removed) throw notFound("找不到这个候选，可能已被移除。");
    // Positions stay 1..N: negative first, because the (selectionId, position) index is not deferrable.
    const rest = await tx.selectionCandidate.findMany({ where: { selectionId: selection.id }, orderBy: { position: "asc" }, select: { id: true } });
    for (const [index, row] of rest.entries()) await tx.selectionCandidate.update({ where: { id: row.id }, data: { position: -(index + 1) } });
    for (const [index, row] of rest.entries()) await tx.selectionCandidate.update({ where: { id: row.id }, data: { position: index + 1 } });
    await recordAudit(tx, { actorId: editor.id, action: "selection.candidate_remove", entityType: "selection", entityId: selection.id, summary: `评选《${selection.title}》移除候选《${removed.title}》` });
    await announceExpiredTags(tx, [cacheTags.selection(selection.slug)]);
    return { slug: selection.slug };
  });
}

/** Published stories an editor can add as candidates, found by title. */
export async function findCandidateStories(actor: Actor | null, q: string, now: Date = new Date()): Promise<{ id: string; title: string }[]> {
  requireEditor(actor);
  if (!q.trim()) return [];
  return db.story.findMany({
    where: { title: { contains: q.trim(), mode: "insensitive" }, ...publishedStoryWhere(now) },
    orderBy: { publishedAt: "desc" },
    take: 20,
    select: { id: true, title: true },
  });
}
