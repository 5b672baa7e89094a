import { getStorage } from "@/lib/storage";
import { serveMedia } from "@/lib/storage/serve";

// Uploaded images by storage key, from whichever backend is configured (lib/storage).
export async function GET(request: Request, { params }: { params: Promise<{ key: string[] }> }) {
  // Pages may link a key as one encoded segment ("2026%2F11%2Fx.jpg") or as path segments.
  let key: string;
  try {
    key = (await params).key.map((part) => decodeURIComponent(part)).join("/");
  } catch {
    return new Response("找不到这张图片。", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  return serveMedia(getStorage(), key, request);
}
