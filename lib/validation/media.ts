import { z } from "zod";
import { FILE_TOO_LARGE, MAX_UPLOAD_BYTES } from "@/lib/media/image";

/** The texts of an image: alt (required, read aloud to blind readers), caption, credit (e.g. 本报记者 XXX 摄). */
const mediaText = {
  alt: z.string().trim().min(1, "请填写替代文字（图片内容的简短描述）。").max(300, "替代文字最多 300 个字。"),
  caption: z.string().trim().max(1000, "图片说明最多 1000 个字。").default(""),
  credit: z.string().trim().max(200, "署名最多 200 个字。").default(""),
};

/** uploadMedia: file (the image) and its texts. */
export const mediaInputSchema = z.object({
  file: z
    .instanceof(File, { error: "请选择要上传的图片。" })
    .refine((file) => file.size > 0, "请选择要上传的图片。")
    .refine((file) => file.size <= MAX_UPLOAD_BYTES, FILE_TOO_LARGE),
  ...mediaText,
});

/** updateMediaText: id and the image's texts, edited in the media library after upload. */
export const mediaTextSchema = z.object({ id: z.string().min(1, "缺少图片编号。"), ...mediaText });

/** deleteMedia: id. */
export const mediaIdSchema = z.object({ id: z.string().min(1, "缺少图片编号。") });
