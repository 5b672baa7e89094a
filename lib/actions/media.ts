"use server";

import { failure, fieldErrorsOf, type ActionResult } from "@/lib/actions/result";
import { requireActor } from "@/lib/auth/session";
import * as media from "@/lib/data/media";
import { MAX_UPLOAD_BYTES } from "@/lib/media/image";
import { mediaIdSchema, mediaInputSchema } from "@/lib/validation/media";

// Media library actions. The file's type and size are checked again in lib/data/media.ts from its bytes.

export async function uploadMedia(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  try {
    const actor = await requireActor("JOURNALIST");
    const parsed = mediaInputSchema.safeParse({ alt: formData.get("alt") ?? "", caption: formData.get("caption") ?? "", credit: formData.get("credit") ?? "" });
    const file = formData.get("file");
    const fieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);
    if (!(file instanceof File) || file.size === 0) fieldErrors.file = ["请选择要上传的图片。"];
    else if (file.size > MAX_UPLOAD_BYTES) fieldErrors.file = ["文件太大：图片不能超过 10 MB。"];
    if (!parsed.success || !(file instanceof File) || Object.keys(fieldErrors).length > 0) return { ok: false, message: "请检查标出的字段。", fieldErrors };
    try {
      await media.uploadMedia(actor, { ...parsed.data, bytes: Buffer.from(await file.arrayBuffer()) });
    } catch (error) {
      // The file's problems belong next to the file input.
      const result = failure(error, "uploadMedia");
      return { ok: false, message: "上传失败，请看文件旁的说明。", fieldErrors: { file: [result.message ?? ""] } };
    }
    return { ok: true, message: "图片已上传。" };
  } catch (error) {
    return failure(error, "uploadMedia");
  }
}

export async function deleteMedia(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  try {
    const actor = await requireActor("JOURNALIST");
    const parsed = mediaIdSchema.safeParse({ id: formData.get("id") ?? "" });
    if (!parsed.success) return { ok: false, message: "缺少图片编号。" };
    await media.deleteMedia(actor, parsed.data.id);
    return { ok: true, message: "图片已删除。" };
  } catch (error) {
    return failure(error, "deleteMedia");
  }
}
