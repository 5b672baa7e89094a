import { pinyin } from "pinyin-pro";

const MAX_SLUG_LENGTH = 80;

/**
 * A readable URL slug from Chinese (or mixed) text: toneless pinyin syllables, ASCII words and
 * digits joined by hyphens, e.g. "冰雪经济2023" → "bing-xue-jing-ji-2023".
 */
export function slugify(text: string): string {
  const normalized = text.normalize("NFKC");
  const parts = pinyin(normalized, { toneType: "none", type: "array", nonZh: "consecutive", v: true });
  const slug = parts
    .join("-")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  return slug.slice(0, MAX_SLUG_LENGTH).replace(/-[^-]*$/, "");
}
