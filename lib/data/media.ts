import "server-only";
import { hasRole, requireStaff } from "@/lib/auth/guards";
import type { Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/data/audit";
import { conflict, forbidden, invalid, notFound, tooLarge } from "@/lib/errors";
import { detectImageType, FILE_TOO_LARGE, imagePixels, MAX_IMAGE_PIXELS, MAX_UPLOAD_BYTES, processImage, TOO_MANY_PIXELS } from "@/lib/media/image";
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

/** Images a story can use as its lead photo, newest first. */
export async function listMediaOptions(actor: Actor | null): Promise<{ id: string; alt: string }[]> {
  requireStaff(actor);
  return db.media.findMany({ orderBy: { createdAt: "desc" }, take: 200, select: { id: true, alt: true } });
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

export async function uploadMedia(actor: Actor | null, input: { bytes: Buffer; alt: string; caption: string; credit: string }): Promise<{ id: string }> {
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
        select: { id: true },
      });
      await recordAudit(tx, { actorId: staff.id, action: "media.upload", entityType: "media", entityId: media.id, summary: `上传图片「${input.alt}」` });
      return media;
    });
  } catch (error) {
    await Promise.all(files.map((file) => storage.delete(file.key)));
    throw error;
  }
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
