/** One generated size of an uploaded image, as stored in Media.variants. */
export type ImageVariant = { width: number; height: number; key: string };

/** Media.variants is JSON in the database: keep only well-formed entries. */
export function parseVariants(value: unknown): ImageVariant[] {
  if (!Array.isArray(value)) return [];
  return value.filter((v): v is ImageVariant => typeof v === "object" && v !== null && typeof v.key === "string" && typeof v.width === "number" && typeof v.height === "number");
}
