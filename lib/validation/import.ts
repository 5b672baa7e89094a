import { z } from "zod";
import { MAX_DOCUMENT_BYTES } from "@/lib/import/decode";
import { importOutlineSchema } from "@/lib/validation/import-outline";
import { storyInputSchema } from "@/lib/validation/story";

const MAX_MB = MAX_DOCUMENT_BYTES / 1024 / 1024;

/** The import form: pasted text or an uploaded file (one of the two), and whether a repeat import is intended. */
export const importSourceSchema = z
  .object({
    text: z.string().max(MAX_DOCUMENT_BYTES, `粘贴的文字过长：导入文档不能超过 ${MAX_MB} MB。`).optional().default(""),
    file: z
      .instanceof(File)
      .optional()
      .refine((file) => !file || file.size <= MAX_DOCUMENT_BYTES, `文件过大：导入文档不能超过 ${MAX_MB} MB。`),
    allowDuplicate: z
      .enum(["on", "true"])
      .optional()
      .transform((value) => value !== undefined),
  })
  .refine((value) => value.text.trim().length > 0 || (value.file && value.file.size > 0), {
    message: "请粘贴榜单文字，或选择一个文本文件。",
    path: ["text"],
  });

/** Reads the form's fields, treating an empty file input (no file chosen) as absent. */
export function importFormFields(formData: FormData) {
  const file = formData.get("file");
  return {
    text: formData.get("text") ?? undefined,
    file: file instanceof File && (file.size > 0 || file.name) ? file : undefined,
    allowDuplicate: formData.get("allowDuplicate") ?? undefined,
  };
}

export type ImportSource = z.output<typeof importSourceSchema>;

/** What the wizard applies to every imported story: a section and tags (the story editor's rules). */
export const importChoicesSchema = z.object({
  sectionId: storyInputSchema.shape.sectionId,
  tags: storyInputSchema.shape.tags,
});

export type ImportChoices = z.output<typeof importChoicesSchema>;

/**
 * Creating the drafts: the outline as the editor corrected it (JSON), the document's text (for the
 * duplicate check's fingerprint only), and whether a repeat import is intended.
 */
export const importCreateSchema = importChoicesSchema.extend({
  outline: z
    .string({ error: "缺少要导入的榜单内容，请重新解析预览。" })
    .max(MAX_DOCUMENT_BYTES * 4, "榜单内容过长。")
    .transform((json, context) => {
      try {
        return JSON.parse(json) as unknown;
      } catch {
        context.addIssue({ code: "custom", message: "榜单内容已损坏，请重新解析预览。" });
        return z.NEVER;
      }
    })
    .pipe(importOutlineSchema),
  text: z.string().max(MAX_DOCUMENT_BYTES, `文档过长：导入文档不能超过 ${MAX_MB} MB。`).default(""),
  allowDuplicate: z
    .enum(["on", "true"])
    .optional()
    .transform((value) => value !== undefined),
});

export function importCreateFields(formData: FormData) {
  return {
    outline: formData.get("outline") ?? undefined,
    text: formData.get("text") ?? undefined,
    allowDuplicate: formData.get("allowDuplicate") ?? undefined,
    sectionId: formData.get("sectionId") ?? undefined,
    tags: formData.get("tags") ?? undefined,
  };
}
