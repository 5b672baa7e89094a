import { z } from "zod";

// The import outline: what the parser read from a document, as corrected by an editor in the preview
// (or by hand in a JSON file for the CLI). The server re-validates it before writing anything.

const MAX_LISTS = 20;
const MAX_ITEMS = 500;

/** Optional text: trimmed, and "" read as absent. */
function optionalText(max: number, label: string) {
  return z
    .string()
    .trim()
    .max(max, `${label}最多 ${max} 个字。`)
    .nullable()
    .optional()
    .transform((value) => (value ? value : null));
}

export const outlineItemSchema = z.object({
  rank: z.number({ error: "序号必须是数字。" }).int("序号必须是整数。").min(1, "序号从 1 开始。").max(MAX_ITEMS, "序号太大。"),
  title: z.string().trim().min(1, "请填写标题。").max(200, "标题最多 200 个字。"),
  paragraphs: z
    .array(z.string().trim().max(20_000, "一段正文最多 2 万字。"))
    .max(500, "正文段落太多。")
    .default([])
    .transform((paragraphs) => paragraphs.filter((paragraph) => paragraph !== "")),
  caption: optionalText(500, "图片说明"),
  credit: optionalText(200, "图片署名"),
  votes: z.number({ error: "得票数必须是数字。" }).int("得票数必须是整数。").min(0, "得票数不能是负数。").nullable().optional().transform((value) => value ?? null),
});

export const outlineRoundupSchema = z
  .object({
    title: z.string().trim().min(1, "请填写榜单标题。").max(200, "榜单标题最多 200 个字。"),
    year: z
      .number({ error: "年份必须是数字。" })
      .int("年份必须是整数。")
      .min(1900, "年份不能早于 1900。")
      .max(2100, "年份不能晚于 2100。")
      .nullable()
      .optional()
      .transform((value) => value ?? null),
    publisher: optionalText(100, "评选单位"),
    intro: optionalText(5000, "导语"),
    outro: optionalText(5000, "结语"),
    caption: optionalText(500, "榜单图片说明"),
    credit: optionalText(200, "榜单图片署名"),
    ordering: z.enum(["rank", "date"], { error: "排序只能是“按名次”或“按时间”。" }).default("rank"),
    items: z.array(outlineItemSchema).min(1, "榜单至少要有一条。").max(MAX_ITEMS, `一个榜单最多 ${MAX_ITEMS} 条。`),
    unassigned: z
      .array(z.string())
      .default([])
      .refine((paragraphs) => paragraphs.every((paragraph) => paragraph.trim() === ""), {
        message: "还有段落没有归入任何条目：请把它们设为条目、并入某条正文，或删除。",
      }),
  })
  .superRefine((roundup, context) => {
    // A roundup page prints the ranks: they must run 1..N, each once.
    const ranks = roundup.items.map((item) => item.rank);
    const expected = ranks.map((_, index) => index + 1);
    const sorted = [...ranks].sort((a, b) => a - b);
    if (sorted.some((rank, index) => rank !== expected[index])) {
      context.addIssue({
        code: "custom",
        path: ["items"],
        message: `序号须为 1 到 ${ranks.length} 各一次（现在是 ${ranks.join("、")}）：请改正序号，或点“重新编号”。`,
      });
    }
  });

export const importOutlineSchema = z.object({
  /** SHA-256 of the source document, for the duplicate check; the CLI's JSON carries it. */
  fingerprint: z
    .string()
    .regex(/^[0-9a-f]{64}$/, "文档指纹格式不对。")
    .optional(),
  roundups: z.array(outlineRoundupSchema).min(1, "没有可导入的榜单。").max(MAX_LISTS, `一份文档最多 ${MAX_LISTS} 个榜单。`),
  warnings: z.array(z.string()).optional(),
});

export type ImportOutline = z.output<typeof importOutlineSchema>;
export type OutlineRoundup = ImportOutline["roundups"][number];

const FIELD_LABELS: Readonly<Record<string, string>> = {
  title: "标题",
  year: "年份",
  publisher: "评选单位",
  intro: "导语",
  outro: "结语",
  caption: "图片说明",
  credit: "图片署名",
  ordering: "排序",
  items: "条目",
  unassigned: "未归类段落",
  rank: "序号",
  paragraphs: "正文",
  votes: "得票数",
};

/** Where an outline problem is, in the editor's words: "第2个榜单第3条的标题". */
export function outlineIssuePlace(path: readonly PropertyKey[]): string {
  // The outline may sit inside a form's fields ("outline.roundups.0…"), with indexes as numbers or,
  // from a joined field-error key, as digit strings.
  const index = (segment: PropertyKey | undefined) => (typeof segment === "number" ? segment : typeof segment === "string" && /^\d+$/.test(segment) ? Number(segment) : null);
  const [, listSegment, field, itemSegment, itemField] = path.slice(Math.max(0, path.indexOf("roundups")));
  const listIndex = index(listSegment);
  const itemIndex = index(itemSegment);
  if (listIndex === null) return "";
  const list = `第${listIndex + 1}个榜单`;
  if (field === "items" && itemIndex !== null) {
    return `${list}第${itemIndex + 1}条${typeof itemField === "string" ? `的${FIELD_LABELS[itemField] ?? itemField}` : ""}`;
  }
  return typeof field === "string" ? `${list}的${FIELD_LABELS[field] ?? field}` : list;
}

/** Every problem in a rejected outline, each saying where it is. */
export function outlineProblems(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const place = outlineIssuePlace(issue.path);
    return place ? `${place}：${issue.message}` : issue.message;
  });
}
