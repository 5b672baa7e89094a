import crypto from "node:crypto";
import { db } from "@/lib/db";
import type { CellContext } from "./matrix-context";

// Fixtures for the selection (年度评选) rows of the authorization matrix: each cell gets its own
// selection, created by a fresh editor, so no cell depends on another's rows.

const unique = () => crypto.randomBytes(5).toString("hex");
const HOUR = 60 * 60 * 1000;

/** A selection with two short candidates; "upcoming" (candidates may change) or "closed" (results final). */
export async function matrixSelection(ctx: CellContext, state: "upcoming" | "closed" = "upcoming") {
  const owner = await ctx.newUser({ role: "EDITOR" });
  const now = Date.now();
  const [opensAt, closesAt] = state === "upcoming" ? [new Date(now + 24 * HOUR), new Date(now + 48 * HOUR)] : [new Date(now - 48 * HOUR), new Date(now - 24 * HOUR)];
  const id = unique();
  return db.selection.create({
    data: {
      slug: `matrix-selection-${id}`,
      title: `矩阵评选 ${id}`,
      year: 1990,
      opensAt,
      closesAt,
      createdById: owner.id,
      candidates: { create: [1, 2].map((position) => ({ position, title: `矩阵候选 ${id}-${position}` })) },
    },
    include: { candidates: { orderBy: { position: "asc" } } },
  });
}

/** A published story an editor can add as a candidate. */
export async function publishedStoryId(ctx: CellContext): Promise<string> {
  const author = await ctx.newUser({ role: "EDITOR" });
  const id = unique();
  const story = await db.story.create({ data: { slug: `matrix-candidate-${id}`, title: `矩阵候选报道 ${id}`, status: "PUBLISHED", publishedAt: new Date("2001-01-01T00:00:00Z"), authorId: author.id }, select: { id: true } });
  return story.id;
}

/** A selection on which the acting account (when there is one) holds a staff juror seat. */
export async function selectionWithSeat(ctx: CellContext) {
  const selection = await matrixSelection(ctx);
  if (ctx.actor) await db.juror.create({ data: { selectionId: selection.id, userId: ctx.actor.id, name: "矩阵评委" } });
  return selection;
}

/** An invited, not yet used, juror of a fresh selection. */
export async function invitedJuror(ctx: CellContext) {
  const selection = await matrixSelection(ctx);
  const juror = await db.juror.create({ data: { selectionId: selection.id, name: "矩阵外部评委", inviteTokenHash: crypto.randomBytes(32).toString("hex"), inviteExpiresAt: new Date(Date.now() + HOUR) } });
  return { selection, juror };
}
