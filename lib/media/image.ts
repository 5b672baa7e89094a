import crypto from "node:crypto";
import sharp from "sharp";

// Uploaded images: the type comes from the file's first bytes (a renamed .exe stays refused), and
// every stored file is re-encoded by sharp, which writes no EXIF unless asked, so GPS location and
// camera data never reach readers. Orientation is applied to the pixels first.

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const FILE_TOO_LARGE = "文件太大：图片不能超过 10 MB。";
/** Decoding cost grows with pixels, not bytes: a 10 MB PNG can hold 144 million of them. */
export const MAX_IMAGE_PIXELS = 40_000_000;
export const TOO_MANY_PIXELS = `图片尺寸太大：最多 ${MAX_IMAGE_PIXELS / 10_000} 万像素（例如 8000 × 5000），请缩小后再上传。`;

/** Width × height (× frames) from the file's header, without decoding the pixels; null if unreadable. */
export async function imagePixels(input: Buffer): Promise<number | null> {
  try {
    const { width, height, pages } = await sharp(input).metadata();
    return width && height ? width * height * (pages ?? 1) : null;
  } catch {
    return null;
  }
}
// 720 covers a phone's full-width photo (about 360–412 CSS px at 1.75–2× pixel density) without
// sending the 960 one.
export const VARIANT_WIDTHS = [480, 720, 960, 1600] as const;
const MAX_MASTER_WIDTH = 2400;

export type ImageType = { mime: "image/jpeg" | "image/png" | "image/webp" | "image/avif"; ext: "jpg" | "png" | "webp" | "avif" };

export function detectImageType(bytes: Uint8Array): ImageType | null {
  const ascii = (start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return { mime: "image/jpeg", ext: "jpg" };
  if (ascii(0, 8) === "\x89PNG\r\n\x1a\n") return { mime: "image/png", ext: "png" };
  if (ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return { mime: "image/webp", ext: "webp" };
  // ISO-BMFF: a "ftyp" box whose major or compatible brands include avif/avis.
  if (ascii(4, 8) === "ftyp") {
    const size = Math.min(((bytes[0] ?? 0) << 24) | ((bytes[1] ?? 0) << 16) | ((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0), bytes.length, 64);
    const brands = ascii(8, size);
    if (brands.includes("avif") || brands.includes("avis")) return { mime: "image/avif", ext: "avif" };
  }
  return null;
}

export type StoredFile = { key: string; width: number; height: number; bytes: Buffer; mime: string };
export type ProcessedImage = { master: StoredFile; variants: StoredFile[] };

/** A clean master in the original format plus WebP sizes no wider than the master, under one key prefix. */
export async function processImage(input: Buffer, type: ImageType, now = new Date()): Promise<ProcessedImage> {
  const prefix = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, "0")}/${crypto.randomBytes(8).toString("hex")}`;
  // The cap is checked from the header first (lib/data/media.ts); this is sharp's own backstop.
  const oriented = sharp(input, { failOn: "error", limitInputPixels: MAX_IMAGE_PIXELS }).rotate();
  const master = await oriented
    .clone()
    .resize({ width: MAX_MASTER_WIDTH, withoutEnlargement: true })
    .toFormat(type.ext === "jpg" ? "jpeg" : type.ext)
    .toBuffer({ resolveWithObject: true });
  const variants: StoredFile[] = [];
  for (const width of VARIANT_WIDTHS) {
    if (width >= master.info.width) break;
    const out = await oriented.clone().resize({ width }).webp({ quality: 80 }).toBuffer({ resolveWithObject: true });
    variants.push({ key: `${prefix}-${width}.webp`, width: out.info.width, height: out.info.height, bytes: out.data, mime: "image/webp" });
  }
  return {
    master: { key: `${prefix}.${type.ext}`, width: master.info.width, height: master.info.height, bytes: master.data, mime: type.mime },
    variants,
  };
}

const MIME_BY_EXT: Record<string, string> = { jpg: "image/jpeg", png: "image/png", webp: "image/webp", avif: "image/avif" };

export function mimeOfKey(key: string): string | null {
  return MIME_BY_EXT[key.split(".").pop()?.toLowerCase() ?? ""] ?? null;
}
