import { mimeOfKey } from "@/lib/media/image";
import { getStorage, isSafeKey } from "@/lib/storage";

// Uploaded images by storage key. Keys are random and a file never changes under its key, so
// browsers and CDNs may keep it for a year.
export async function GET(_request: Request, { params }: { params: Promise<{ key: string[] }> }) {
  // Pages may link a key as one encoded segment ("2026%2F11%2Fx.jpg") or as path segments.
  let key: string;
  try {
    key = (await params).key.map((part) => decodeURIComponent(part)).join("/");
  } catch {
    return new Response("找不到这张图片。", { status: 404 });
  }
  const type = mimeOfKey(key);
  if (!type || !isSafeKey(key)) return new Response("找不到这张图片。", { status: 404 });
  const bytes = await getStorage().get(key);
  if (!bytes) return new Response("找不到这张图片。", { status: 404, headers: { "Cache-Control": "no-store" } });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": type,
      "Content-Length": String(bytes.length),
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
