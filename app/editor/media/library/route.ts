import { z } from "zod";
import { uploadMedia } from "@/lib/actions/media";
import type { ActionResult } from "@/lib/actions/result";
import { requireActor } from "@/lib/auth/guards";
import { listMedia } from "@/lib/data/media";
import { toAppError, type ErrorCode } from "@/lib/errors";
import { FILE_TOO_LARGE } from "@/lib/media/image";
import { toPickerMedia, type PickerList } from "@/lib/media/picker";
import { ACTION_BODY_LIMIT_BYTES } from "@/lib/request-guards.mjs";

// The editor's image picker talks to this route: GET lists the library as thumbnails (search by alt
// text, caption or credit); POST uploads one image. The upload goes through the media library's own
// Server Action (same guard, zod schema, size limit and content sniffing); it is a route so that the
// browser can send it with XMLHttpRequest and show real upload progress, which a Server Action call
// can't. proxy.ts refuses posts from other sites before they reach it.

const STATUS: Partial<Record<ErrorCode, number>> = { INVALID: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, TOO_LARGE: 413, RATE_LIMITED: 429, UNAVAILABLE: 503 };
const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

const querySchema = z.object({ q: z.string().trim().max(100, "搜索词最多 100 个字。").default("") });

export async function GET(request: Request) {
  try {
    const actor = await requireActor("JOURNALIST");
    const query = querySchema.safeParse({ q: new URL(request.url).searchParams.get("q") ?? undefined });
    if (!query.success) return json({ ok: false, message: query.error.issues[0]?.message ?? "搜索词无效。" } satisfies PickerList, 400);
    const items = await listMedia(actor, query.data.q);
    return json({ ok: true, items: items.map(toPickerMedia) } satisfies PickerList);
  } catch (error) {
    const appError = toAppError(error, "GET /editor/media/library");
    return json({ ok: false, message: appError.message } satisfies PickerList, STATUS[appError.code] ?? 500);
  }
}

export async function POST(request: Request) {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > ACTION_BODY_LIMIT_BYTES) {
    return json({ ok: false, code: "TOO_LARGE", message: FILE_TOO_LARGE, fieldErrors: { file: [FILE_TOO_LARGE] } } satisfies ActionResult, 413);
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return json({ ok: false, code: "INVALID", message: "上传的内容无法读取，请重新选择图片。" } satisfies ActionResult, 400);
  }
  const result = await uploadMedia({ ok: false }, form);
  return json(result, result.ok ? 201 : (STATUS[result.code ?? "INVALID"] ?? 500));
}
