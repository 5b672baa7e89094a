import "server-only";
import crypto from "node:crypto";
import { requireEditor } from "@/lib/auth/guards";
import type { Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/data/audit";
import { hashInviteToken } from "@/lib/data/users";
import { conflict, forbidden, invalid, notFound } from "@/lib/errors";

// Jurors of a selection: staff accounts the editor names, or outside jurors invited by a single-use
// link. The link's token is stored hashed (sha256, as account invites are, lib/data/users.ts), expires,
// can be revoked, and works once: using it gives that browser a juror session (its own random token,
// also stored hashed) in a cookie scoped to the selection's jury page. Revoking the juror ends both.

export const JUROR_MESSAGES = {
  unknown: "这个评委链接无效，请向编辑部索取新的链接。",
  used: "这个评委链接已经用过了。如果不是你本人使用的，请联系编辑部。",
  revoked: "这个评委链接已被撤销，请联系编辑部。",
  expired: "这个评委链接已过期，请向编辑部索取新的链接。",
  notJuror: "你不是这个评选的评委。",
  sessionEnded: "你的评委身份已失效，请联系编辑部。",
} as const;

const newToken = () => crypto.randomBytes(32).toString("base64url");

export type JurorRow = { id: string; userId: string | null; name: string; kind: "staff" | "invited"; status: "active" | "pending" | "revoked" | "expired"; scored: number; inviteExpiresAt: string | null };

export async function listJurors(actor: Actor | null, selectionId: string, now: Date = new Date()): Promise<JurorRow[]> {
  requireEditor(actor);
  const rows = await db.juror.findMany({ where: { selectionId }, orderBy: { createdAt: "asc" }, include: { _count: { select: { scores: true } } } });
  return rows.map((row) => ({
    id: row.id,
    userId: row.userId,
    name: row.name,
    kind: row.userId ? "staff" : "invited",
    status: row.revokedAt ? "revoked" : row.userId || row.inviteUsedAt ? "active" : row.inviteExpiresAt && row.inviteExpiresAt <= now ? "expired" : "pending",
    scored: row._count.scores,
    inviteExpiresAt: row.inviteExpiresAt?.toISOString() ?? null,
  }));
}

/** Active staff accounts an editor can name as jurors. */
export async function listStaffForJury(actor: Actor | null): Promise<{ id: string; name: string; email: string }[]> {
  requireEditor(actor);
  return db.user.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true, email: true } });
}

/** The slug of a selection (for the juror lookups, which go by the page's slug); NOT_FOUND when unknown. */
export async function selectionSlug(selectionId: string): Promise<string> {
  const selection = await db.selection.findUnique({ where: { id: selectionId }, select: { slug: true } });
  if (!selection) throw notFound("找不到这个评选。");
  return selection.slug;
}

async function selectionTitle(selectionId: string): Promise<string> {
  const selection = await db.selection.findUnique({ where: { id: selectionId }, select: { title: true } });
  if (!selection) throw notFound("找不到这个评选。");
  return selection.title;
}

export async function addStaffJuror(actor: Actor | null, input: { selectionId: string; userId: string }): Promise<void> {
  const editor = requireEditor(actor);
  const title = await selectionTitle(input.selectionId);
  const user = await db.user.findFirst({ where: { id: input.userId, active: true }, select: { id: true, name: true } });
  if (!user) throw invalid("请选择一位在职的同事。", { field: "userId" });
  await db.$transaction(async (tx) => {
    const existing = await tx.juror.findUnique({ where: { selectionId_userId: { selectionId: input.selectionId, userId: user.id } }, select: { id: true, revokedAt: true } });
    if (existing && !existing.revokedAt) throw conflict(`${user.name} 已经是评委了。`);
    const juror = existing
      ? await tx.juror.update({ where: { id: existing.id }, data: { revokedAt: null }, select: { id: true } })
      : await tx.juror.create({ data: { selectionId: input.selectionId, userId: user.id, name: user.name }, select: { id: true } });
    await recordAudit(tx, { actorId: editor.id, action: "selection.juror_add", entityType: "selection", entityId: input.selectionId, summary: `评选《${title}》添加评委 ${user.name}（本社账号，评委编号 ${juror.id}）` });
  });
}

/** Creates an outside juror and returns the raw invite token once; only its hash is stored. */
export async function inviteJuror(actor: Actor | null, input: { selectionId: string; name: string; days: number }, now: Date = new Date()): Promise<{ jurorId: string; token: string }> {
  const editor = requireEditor(actor);
  const title = await selectionTitle(input.selectionId);
  const token = newToken();
  return db.$transaction(async (tx) => {
    const juror = await tx.juror.create({
      data: { selectionId: input.selectionId, name: input.name, inviteTokenHash: hashInviteToken(token), inviteExpiresAt: new Date(now.getTime() + input.days * 24 * 60 * 60 * 1000) },
      select: { id: true },
    });
    await recordAudit(tx, { actorId: editor.id, action: "selection.juror_invite", entityType: "selection", entityId: input.selectionId, summary: `评选《${title}》邀请外部评委 ${input.name}（链接 ${input.days} 天内有效，评委编号 ${juror.id}）` });
    return { jurorId: juror.id, token };
  });
}

export async function revokeJuror(actor: Actor | null, input: { selectionId: string; jurorId: string }, now: Date = new Date()): Promise<void> {
  const editor = requireEditor(actor);
  const title = await selectionTitle(input.selectionId);
  await db.$transaction(async (tx) => {
    const juror = await tx.juror.findFirst({ where: { id: input.jurorId, selectionId: input.selectionId }, select: { id: true, name: true, revokedAt: true } });
    if (!juror) throw notFound("找不到这位评委。");
    if (juror.revokedAt) throw conflict(`${juror.name} 的评委资格已经撤销了。`);
    // The session ends with it: the juror cookie stops working on its next request.
    await tx.juror.update({ where: { id: juror.id }, data: { revokedAt: now, sessionHash: null } });
    await recordAudit(tx, { actorId: editor.id, action: "selection.juror_revoke", entityType: "selection", entityId: input.selectionId, summary: `评选《${title}》撤销评委 ${juror.name}（评委编号 ${juror.id}）` });
  });
}

/**
 * Uses an invite link: atomically marks it used and opens a juror session, returning the session's
 * raw token for the cookie. A link used twice, revoked, expired or unknown gets its own message.
 */
export async function acceptJurorInvite(input: { slug: string; token: string }, now: Date = new Date()): Promise<{ sessionToken: string; jurorId: string }> {
  const tokenHash = hashInviteToken(input.token);
  const sessionToken = newToken();
  const accepted = await db.$transaction(async (tx) => {
    // One statement decides: of two browsers using the link at once, exactly one claims it.
    const claimed = await tx.juror.updateMany({
      where: { inviteTokenHash: tokenHash, inviteUsedAt: null, revokedAt: null, inviteExpiresAt: { gt: now }, selection: { slug: input.slug } },
      data: { inviteUsedAt: now, sessionHash: hashInviteToken(sessionToken) },
    });
    if (claimed.count !== 1) return null;
    const juror = await tx.juror.findUniqueOrThrow({ where: { inviteTokenHash: tokenHash }, select: { id: true, name: true, selectionId: true } });
    await recordAudit(tx, { actorId: null, actorLabel: `评委 ${juror.name}`, action: "selection.juror_join", entityType: "selection", entityId: juror.selectionId, summary: `外部评委 ${juror.name} 通过邀请链接进入评分（评委编号 ${juror.id}）` });
    return juror;
  });
  if (accepted) return { sessionToken, jurorId: accepted.id };
  const juror = await db.juror.findFirst({ where: { inviteTokenHash: tokenHash, selection: { slug: input.slug } }, select: { inviteUsedAt: true, revokedAt: true } });
  if (!juror) throw notFound(JUROR_MESSAGES.unknown);
  if (juror.revokedAt) throw forbidden(JUROR_MESSAGES.revoked);
  if (juror.inviteUsedAt) throw conflict(JUROR_MESSAGES.used);
  throw forbidden(JUROR_MESSAGES.expired);
}

export type JurorIdentity = { jurorId: string; name: string; selectionId: string; actorId: string | null };

/** The juror a juror cookie belongs to (not revoked), for the selection with this slug. */
export async function jurorFromSession(slug: string, sessionToken: string | undefined): Promise<JurorIdentity | null> {
  if (!sessionToken) return null;
  const juror = await db.juror.findFirst({ where: { sessionHash: hashInviteToken(sessionToken), revokedAt: null, selection: { slug } }, select: { id: true, name: true, selectionId: true } });
  return juror ? { jurorId: juror.id, name: juror.name, selectionId: juror.selectionId, actorId: null } : null;
}

/** The signed-in staff account's juror seat on this selection, if it has one (not revoked). */
export async function jurorFromStaff(actor: Actor | null, slug: string): Promise<JurorIdentity | null> {
  if (!actor) return null;
  const juror = await db.juror.findFirst({ where: { userId: actor.id, revokedAt: null, selection: { slug } }, select: { id: true, name: true, selectionId: true } });
  return juror ? { jurorId: juror.id, name: juror.name, selectionId: juror.selectionId, actorId: actor.id } : null;
}

export type JuryBallot = { selectionId: string; title: string; locked: boolean; candidates: { id: string; position: number; title: string; description: string; score: number | null }[] };

/** The candidates with this juror's scores. Scores are final once the roundup has been generated. */
export async function getJuryBallot(juror: JurorIdentity | null): Promise<JuryBallot> {
  if (!juror) throw forbidden(JUROR_MESSAGES.notJuror);
  const selection = await db.selection.findUniqueOrThrow({
    where: { id: juror.selectionId },
    select: { title: true, roundupId: true, candidates: { orderBy: { position: "asc" }, select: { id: true, position: true, title: true, description: true, scores: { where: { jurorId: juror.jurorId }, select: { score: true } } } } },
  });
  return {
    selectionId: juror.selectionId,
    title: selection.title,
    locked: selection.roundupId !== null,
    candidates: selection.candidates.map((candidate) => ({ id: candidate.id, position: candidate.position, title: candidate.title, description: candidate.description, score: candidate.scores[0]?.score ?? null })),
  };
}

/** Saves a juror's scores (null clears one); every candidate id must belong to the juror's selection. */
export async function saveJuryScores(juror: JurorIdentity | null, input: { selectionId: string; scores: Record<string, number | null> }): Promise<{ scored: number; total: number }> {
  if (!juror || juror.selectionId !== input.selectionId) throw forbidden(JUROR_MESSAGES.notJuror);
  return db.$transaction(async (tx) => {
    // Re-read under the transaction: a juror revoked a moment ago must not save.
    const seat = await tx.juror.findFirst({ where: { id: juror.jurorId, revokedAt: null }, select: { id: true } });
    if (!seat) throw forbidden(JUROR_MESSAGES.sessionEnded);
    const selection = await tx.selection.findUniqueOrThrow({ where: { id: input.selectionId }, select: { title: true, roundupId: true, candidates: { select: { id: true } } } });
    if (selection.roundupId) throw conflict("榜单已经生成，评分不能再改。");
    const known = new Set(selection.candidates.map((candidate) => candidate.id));
    const entries = Object.entries(input.scores);
    if (!entries.every(([candidateId]) => known.has(candidateId))) throw invalid("评分表里有不属于本评选的候选，请刷新页面后再试。");
    for (const [candidateId, score] of entries) {
      if (score === null) await tx.juryScore.deleteMany({ where: { jurorId: juror.jurorId, candidateId } });
      else await tx.juryScore.upsert({ where: { jurorId_candidateId: { jurorId: juror.jurorId, candidateId } }, create: { jurorId: juror.jurorId, candidateId, score }, update: { score } });
    }
    const scored = await tx.juryScore.count({ where: { jurorId: juror.jurorId } });
    await recordAudit(tx, {
      actorId: juror.actorId,
      actorLabel: juror.actorId ? "" : `评委 ${juror.name}`,
      action: "selection.jury_score",
      entityType: "selection",
      entityId: input.selectionId,
      summary: `评委 ${juror.name} 为评选《${selection.title}》保存评分（已评 ${scored}/${known.size}）`,
    });
    return { scored, total: known.size };
  });
}
