"use server";

import { defineAction } from "@/lib/actions/safe-action";
import * as media from "@/lib/data/media";
import { expireTags } from "@/lib/cache/tags";
import { mediaIdSchema, mediaInputSchema, mediaTextSchema } from "@/lib/validation/media";

// Media library actions. The file's type and size are checked again in lib/data/media.ts from its
// bytes; its failures name the "file" field, so they show next to the file input.

export const uploadMedia = defineAction({
  name: "uploadMedia",
  role: "JOURNALIST",
  schema: mediaInputSchema,
  invalidMessage: "请检查标出的字段。",
  handler: async ({ file, ...text }, { actor }) => {
    const uploaded = await media.uploadMedia(actor, { ...text, bytes: Buffer.from(await file.arrayBuffer()) });
    return { ok: true, message: "图片已上传。", data: uploaded };
  },
});

export const updateMediaText = defineAction({
  name: "updateMediaText",
  role: "JOURNALIST",
  schema: mediaTextSchema,
  invalidMessage: "请检查标出的字段。",
  handler: async (input, { actor }) => {
    const { tags } = await media.updateMediaText(actor, input);
    expireTags(tags);
    return { ok: true, message: "图片信息已保存。" };
  },
});

export const deleteMedia = defineAction({
  name: "deleteMedia",
  role: "JOURNALIST",
  schema: mediaIdSchema,
  invalidMessage: "缺少图片编号。",
  handler: async ({ id }, { actor }) => {
    await media.deleteMedia(actor, id);
    return { ok: true, message: "图片已删除。" };
  },
});
