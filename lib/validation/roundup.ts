import { z } from "zod";
import { publisherName } from "@/lib/format";

// FormData fields of the roundup composer's actions.

const optionalId = z
  .string()
  .trim()
  .max(40, "所选图片无效。")
  .default("")
  .transform((value) => (value === "" ? null : value));

/**
 * createRoundup / updateRoundup: id (update only), title, year, publisher (who selected it, without
 * 选出), intro, outro, and the lead photo slot: leadMediaId (an image of the media library),
 * leadAlt (what the image shows, for readers who can't see it; required with an image), leadCaption,
 * leadCredit.
 */
export const roundupInputSchema = z
  .object({
  id: z.string().default(""),
  title: z.string().trim().min(1, "请填写榜单标题。").max(200, "标题最多 200 个字。"),
  year: z.coerce.number({ error: "请填写年份。" }).int("年份必须是整数。").min(1900, "年份不能早于 1900。").max(2100, "年份不能晚于 2100。"),
  // Stored without the verb: pages print "…选出" themselves (lib/format.ts).
  publisher: z.string().trim().max(100, "评选单位最多 100 个字。").default("").transform(publisherName),
  intro: z.string().trim().max(5000, "导语最多 5000 个字。").default(""),
  outro: z.string().trim().max(5000, "结语最多 5000 个字。").default(""),
  leadMediaId: optionalId,
  leadAlt: z.string().trim().max(300, "替代文字最多 300 个字。").default(""),
  leadCaption: z.string().trim().max(500, "图片说明最多 500 个字。").default(""),
  leadCredit: z.string().trim().max(200, "图片署名最多 200 个字。").default(""),
})
  .refine((value) => !value.leadMediaId || value.leadAlt !== "", {
    path: ["leadAlt"],
    message: "选了题图就要填写替代文字：用一句话说明图片里有什么，给看不到图片的读者（不是图片说明）。",
  });

/**
 * updateRoundup: the fields above and baseStamp, the details' digest as the form loaded them (the
 * composer page's infoStamp); a save whose stamp is out of date is refused as a conflict.
 */
export const roundupUpdateSchema = roundupInputSchema.safeExtend({ baseStamp: z.string().max(64).default("") });

/** addRoundupItem: id (roundup), storyId. */
export const addItemSchema = z.object({ id: z.string().min(1, "缺少榜单编号。"), storyId: z.string().min(1, "请选择一篇报道。") });

/** removeRoundupItem: id (roundup), itemId. */
export const removeItemSchema = z.object({ id: z.string().min(1, "缺少榜单编号。"), itemId: z.string().min(1, "缺少条目编号。") });

/** reorderRoundup: id (roundup), itemIds (repeated, in the new order: first is rank 1). */
export const reorderSchema = z.object({
  id: z.string().min(1, "缺少榜单编号。"),
  itemIds: z.array(z.string().min(1)).min(1, "榜单没有条目。").max(500, "条目太多。"),
});

/** publishRoundup: id, publishStories ("1" = also publish its unpublished stories, after the user confirmed). */
export const publishRoundupSchema = z.object({
  id: z.string().min(1, "缺少榜单编号。"),
  publishStories: z.string().optional().transform((value) => value === "1"),
});

/** unpublishRoundup: id. */
export const roundupIdSchema = z.object({ id: z.string().min(1, "缺少榜单编号。") });
