import crypto from "node:crypto";
import { db } from "@/lib/db";
import type { CellContext } from "./matrix-context";
import { form } from "./matrix-context";

// Fixtures and forms for the editor-area rows of the authorization matrix. Stories belong to the
// acting account (or, for the anonymous cell, to a fresh journalist), so each row tests the most a
// journalist may do: work on their own unpublished story.

const unique = () => crypto.randomBytes(5).toString("hex");
const LONG_AGO = new Date("2001-01-01T00:00:00Z");

async function ownerId(ctx: CellContext): Promise<string> {
  return ctx.actor?.id ?? (await ctx.newUser({ role: "JOURNALIST" })).id;
}

export async function ownDraft(ctx: CellContext, status: "DRAFT" | "PUBLISHED" = "DRAFT") {
  const authorId = await ownerId(ctx);
  const id = unique();
  return db.story.create({
    data: {
      slug: `matrix-${id}`,
      title: `矩阵测试 ${id}`,
      status,
      // Long ago, so these rows never crowd the other suites' "latest stories".
      publishedAt: status === "PUBLISHED" ? LONG_AGO : null,
      authorId,
      revisions: { create: { version: 1, title: `矩阵测试 ${id}`, dek: "", body: "", byline: "", tagNames: [], editorId: authorId } },
    },
    include: { revisions: true },
  });
}

export async function storyForm(ctx: CellContext): Promise<FormData> {
  const story = await ownDraft(ctx);
  // Every field the editor posts, so the hostile fuzz (tests/security) replaces each of them too.
  return form({ id: story.id, baseVersion: "1", title: story.title, dek: "", body: "改过的正文", byline: "", slug: story.slug, sectionId: "", tags: "", leadMediaId: "" });
}

export async function roundupWithItems(ctx: CellContext, count = 2) {
  const creator = await ctx.newUser({ role: "EDITOR" });
  const id = unique();
  const roundup = await db.roundup.create({ data: { slug: `matrix-roundup-${id}`, title: `矩阵榜单 ${id}`, year: 1990, createdById: creator.id } });
  const items = [];
  for (let rank = 1; rank <= count; rank++) {
    const story = await db.story.create({
      data: { slug: `matrix-${id}-${rank}`, title: `榜单条目 ${rank}`, status: "PUBLISHED", publishedAt: LONG_AGO, authorId: creator.id },
    });
    items.push(await db.roundupItem.create({ data: { roundupId: roundup.id, storyId: story.id, rank } }));
  }
  return { roundup, items };
}

export async function newSectionId(): Promise<string> {
  const id = unique();
  return (await db.section.create({ data: { slug: `matrix-${id}`, name: `矩阵栏目 ${id}` } })).id;
}

/** A tiny valid PNG (4×4, solid colour), so the upload row exercises the real type check. */
export function tinyPng(): File {
  const bytes = Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEUlEQVQImWM4w8AARwgWXg4AWIMMwVLWc8oAAAAASUVORK5CYII=",
    "base64",
  );
  return new File([bytes], "matrix.png", { type: "image/png" });
}

export async function ownMediaId(ctx: CellContext): Promise<string> {
  const uploadedById = await ownerId(ctx);
  return (await db.media.create({ data: { alt: "矩阵图片", uploadedById } })).id;
}
