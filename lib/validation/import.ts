import { z } from "zod";
import { MAX_DOCUMENT_BYTES } from "@/lib/import/decode";

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
