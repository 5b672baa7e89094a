import { mimeOfKey } from "@/lib/media/image";
import { isSafeKey, type MediaStorage } from "./types";

// Keys are random and a file never changes under its key, so browsers and CDNs may keep it for a year.
const IMMUTABLE = "public, max-age=31536000, immutable";

function notFound(): Response {
  return new Response("找不到这张图片。", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

/**
 * Answers GET /media/<key>: a redirect to the public bucket or CDN when one is configured, else the
 * file streamed from storage with its entity tag (304 when the browser already has it).
 */
export async function serveMedia(storage: MediaStorage, key: string, request: Request): Promise<Response> {
  const type = mimeOfKey(key);
  if (!type || !isSafeKey(key)) return notFound();
  const publicUrl = storage.publicUrl(key);
  // Temporary, so that moving the bucket or CDN later doesn't leave browsers on the old address.
  if (publicUrl) return new Response(null, { status: 302, headers: { Location: publicUrl, "Cache-Control": "public, max-age=86400" } });
  const file = await storage.open(key, { ifNoneMatch: request.headers.get("if-none-match") ?? undefined });
  if (!file) return notFound();
  const headers: Record<string, string> = { ETag: file.etag, "Cache-Control": IMMUTABLE, "X-Content-Type-Options": "nosniff" };
  if (file.notModified) return new Response(null, { status: 304, headers });
  return new Response(file.body, { headers: { ...headers, "Content-Type": type, "Content-Length": String(file.size) } });
}
