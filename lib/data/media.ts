import "server-only";
import { hasRole, requireStaff } from "@/lib/auth/guards";
import type { Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { tagsForRoundup, tagsForStory } from "@/lib/cache/tags";
import { recordAudit } from "@/lib/data/audit";
import { announceExpiredTags } from "@/lib/data/cache-announce";
import { cacheRefOf } from "@/lib/data/story-access";
import { conflict, forbidden, invalid, notFound, tooLarge } from "@/lib/errors";
import { detectImageType, FILE_TOO_LARGE, imagePixels, MAX_IMAGE_PIXELS, MAX_UPLOAD_BYTES, processImage, TOO_MANY_PIXELS } from "@/lib/media/image";
import { toPickerMedia, type PickerMedia } from "@/lib/media/picker";
import { parseVariants, type ImageVariant } from "@/lib/media/variants";
import { getStorage } from "@/lib/storage";

// The media library. Files go to the storage backend first and the row second; if the row can't be
// written, the files are removed again, so the library never lists a missing file.

export type MediaItem = {
  id: string;
  storageKey: string | null;
  width: number | null;
  height: number | null;
  variants: ImageVariant[];
  alt: string;
  caption: string;
  credit: string;
  uploadedByName: string;
  createdAt: Date;
};

/** One image as the picker shows it (the story editor's current lead photo), or null. */
export async function getPickerMedia(actor: Actor | null, id: string | null): Promise<PickerMedia | null> {
  requireStaff(actor);
  if (!id) return null;
  const row = await db.media.findUnique({ where: { id }, select: { id: true, alt: true, caption: true, credit: true, storageKey: true, variants: true } });
  return row ? toPickerMedia({ ...row, variants: parseVariants(row.variants) }) : null;
}

export async function listMedia(actor: Actor | null, q = ""): Promise<MediaItem[]> {
  requireStaff(actor);
  const term = q.trim();
  const rows = await db.media.findMany({
    where: term ? { OR: [{ alt: { contains: term, mode: "insensitive" } }, { caption: { contains: term, mode: "insensitive" } }, { credit: { contains: term, mode: "insensitive" } }] } : {},
    orderBy: { createdAt: "desc" },
    take: 60,
    include: { uploadedBy: { select: { name: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    storageKey: row.storageKey,
    width: row.width,
    height: row.height,
    variants: parseVariants(row.variants),
    alt: row.alt,
    caption: row.caption,
    credit: row.credit,
    uploadedByName: row.uploadedBy.name,
    createdAt: row.createdAt,
  }));
}

export async function uploadMedia(actor: Actor | null, input: { bytes: Buffer; alt: string; caption: string; credit: string }): Promise<PickerMedia> {
  const staff = requireStaff(actor);
  if (input.bytes.length > MAX_UPLOAD_BYTES) throw tooLarge(FILE_TOO_LARGE, { field: "file" });
  const type = detectImageType(input.bytes);
  if (!type) throw invalid("不支持的文件类型：只能上传 JPEG、PNG、WebP 或 AVIF 图片（按文件内容判断，不看扩展名）。", { field: "file" });
  const pixels = await imagePixels(input.bytes);
  if (pixels === null) throw invalid("无法读取这张图片，文件可能已损坏。", { field: "file" });
  if (pixels > MAX_IMAGE_PIXELS) throw tooLarge(TOO_MANY_PIXELS, { field: "file" });
  let image;
  try {
    image = await processImage(input.bytes, type);
  } catch {
    throw invalid("无法读取这张图片，文件可能已损坏。", { field: "file" });
  }
  const storage = getStorage();
  const files = [image.master, ...image.variants];
  for (const file of files) await storage.put(file.key, file.bytes, file.mime);
  try {
    return await db.$transaction(async (tx) => {
      const media = await tx.media.create({
        data: {
          storageKey: image.master.key,
          mimeType: image.master.mime,
          width: image.master.width,
          height: image.master.height,
          byteSize: image.master.bytes.length,
          variants: image.variants.map(({ key, width, height }) => ({ key, width, height })),
          alt: input.alt,
          caption: input.caption,
          credit: input.credit,
          uploadedById: staff.id,
        },
        select: { id: true, alt: true, caption: true, credit: true, storageKey: true },
      });
      await recordAudit(tx, { actorId: staff.id, action: "media.upload", entityType: "media", entityId: media.id, summary: `上传图片「${input.alt}」` });
      return toPickerMedia({ ...media, variants: image.variants });
    });
  } catch (error) {
    await Promise.all(files.map((file) => storage.delete(file.key)));
    throw error;
  }
}

/**
 * Changes an image's alt text, caption and credit (its uploader, or any editor). Pages that show it
 * as a lead photo expire: the live stories' pages and lists, and published roundups. Returns the
 * tags for the action to expire in this process too (lib/cache/tags.ts).
 */
export async function updateMediaText(actor: Actor | null, input: { id: string; alt: string; caption: string; credit: string }): Promise<{ tags: string[] }> {
  const staff = requireStaff(actor);
  const staffId = staff.id;
  const isEditor = hasRole(staff, "EDITOR");
  return db.$transaction(async (tx) => {
    const media = await tx.media.findUnique({ where: { id: input.id }, select: { uploadedById: true, alt: true, caption: true, credit: true } });
    if (!media) throw notFound("找不到这张图片，可能已被删除。");
    if (!isEditor && media.uploadedById !== staffId) throw forbidden("只能修改自己上传的图片；其他图片请编辑修改。");
    await tx.media.update({ where: { id: input.id }, data: { alt: input.alt, caption: input.caption, credit: input.credit } });
    const changed = (["alt", "caption", "credit"] as const).filter((field) => media[field] !== input[field]);
    const labels = { alt: "替代文字", caption: "说明", credit: "署名" };
    await recordAudit(tx, {
      actorId: staffId,
      action: "media.update",
      entityType: "media",
      entityId: input.id,
      summary: `修改图片「${input.alt}」的${changed.length ? changed.map((field) => labels[field]).join("、") : "信息（无变化）"}`,
    });
    const stories = await tx.story.findMany({ where: { leadMediaId: input.id }, select: { id: true } });
    const refs: Awaited<ReturnType<typeof cacheRefOf>>[] = [];
    for (const story of stories) refs.push(await cacheRefOf(tx, story.id));
    const roundups = await tx.roundup.findMany({ where: { leadMediaId: input.id, status: "PUBLISHED" }, select: { slug: true } });
    const tags = [...refs.filter((ref) => ref.released).flatMap(tagsForStory), ...roundups.flatMap((roundup) => tagsForRoundup(roundup.slug, []))];
    await announceExpiredTags(tx, tags);
    return { tags };
  });
}

/** Refused while any story or roundup uses the image (as lead photo or inside a story body). */
export async function deleteMedia(actor: Actor | null, id: string): Promise<void> {
  const staff = requireStaff(actor);
  const staffId = staff.id;
  const isEditor = hasRole(staff, "EDITOR");
  const keys = await db.$transaction(async (tx) => {
    const media = await tx.media.findUnique({ where: { id }, select: { id: true, alt: true, storageKey: true, variants: true, uploadedById: true } });
    if (!media) throw notFound("找不到这张图片。");
    if (!isEditor && media.uploadedById !== staffId) throw forbidden("只能删除自己上传的图片。");
    const keyList = [media.storageKey, ...parseVariants(media.variants).map((v) => v.key)].filter((k): k is string => !!k);
    const usedAsLead = await tx.story.findFirst({ where: { leadMediaId: id }, select: { title: true } });
    const usedInBody = media.storageKey ? await tx.story.findFirst({ where: { OR: keyList.map((key) => ({ body: { contains: `/media/${key}` } })) }, select: { title: true } }) : null;
    const usedByRoundup = await tx.roundup.findFirst({ where: { leadMediaId: id }, select: { title: true } });
    const user = usedAsLead ?? usedInBody ?? usedByRoundup;
    if (user) throw conflict(`不能删除：《${user.title}》正在使用这张图片。`);
    await tx.media.delete({ where: { id } });
    await recordAudit(tx, { actorId: staffId, action: "media.delete", entityType: "media", entityId: id, summary: `删除图片「${media.alt}」` });
    return keyList;
  });
  const storage = getStorage();
  await Promise.all(keys.map((key) => storage.delete(key)));
}
