import { z } from "zod";
import { needsReason } from "@/lib/editor/workflow";
import { REVIEW_REASON_MAX } from "@/lib/validation/review";

// FormData fields of the story editor's actions. Every text field arrives as a string; empty optional
// selects arrive as "".
const optionalId = z
  .string()
  .trim()
  .transform((value) => (value === "" ? null : value))
  .nullable()
  .default(null);

export const STORY_BODY_MAX = 200_000;
export const BODY_TOO_LONG = "正文太长（最多 20 万字），请删减后再保存。";

/** A story version from the form: a positive PostgreSQL integer (anything larger was never issued). */
const versionSchema = z.coerce
  .number({ error: "缺少版本号。" })
  .int("版本号无效，请刷新页面后重试。")
  .positive("缺少版本号。")
  .max(2_147_483_647, "版本号无效，请刷新页面后重试。");

/** createStory: title (required). */
export const createStorySchema = z.object({
  title: z.string().trim().min(1, "请填写标题。").max(200, "标题最多 200 个字。"),
});

/**
 * saveStory / autosaveStory: id, baseVersion (the version the edit started from), title, dek, body,
 * byline, slug (optional; made from the title when empty), sectionId, tags (comma/、-separated names),
 * leadMediaId, source (来源; absent: unchanged), editorOfRecordId (责任编辑, editors only; absent:
 * unchanged, "" clears it).
 */
export const storyInputSchema = z.object({
  id: z.string().min(1, "缺少报道编号。"),
  baseVersion: versionSchema,
  title: z.string().trim().min(1, "请填写标题。").max(200, "标题最多 200 个字。"),
  dek: z.string().trim().max(500, "导语最多 500 个字。").default(""),
  // Browsers send form text with CRLF line breaks; the body is stored with LF, as the editor writes it.
  body: z
    .string()
    .max(STORY_BODY_MAX, BODY_TOO_LONG)
    .default("")
    .transform((value) => value.replace(/\r\n?/g, "\n")),
  byline: z.string().trim().max(200, "署名最多 200 个字。").default(""),
  slug: z
    .string()
    .trim()
    .max(80, "网址别名最多 80 个字符。")
    .regex(/^([a-z0-9]+(-[a-z0-9]+)*)?$/, "网址别名只能包含小写字母、数字和连字符。")
    .default(""),
  sectionId: optionalId,
  tags: z
    .string()
    .default("")
    .transform((value) =>
      [...new Set(value.split(/[,，、;；\n]/).map((tag) => tag.trim()).filter(Boolean))],
    )
    .pipe(z.array(z.string().max(30, "每个标签最多 30 个字。")).max(10, "最多 10 个标签。")),
  leadMediaId: optionalId,
  source: z.string().trim().max(100, "来源最多 100 个字。").optional(),
  editorOfRecordId: z
    .string()
    .trim()
    .transform((value) => (value === "" ? null : value))
    .optional(),
});

export type StoryInput = z.infer<typeof storyInputSchema>;

/**
 * What to do with the published roundups that rank a story being taken off the site: "keep" the slot
 * (shown as 该条目已撤下) or "renumber". Empty when the editor hasn't been asked yet.
 */
const rankChoice = z
  .enum(["keep", "renumber", ""], { error: "请选择榜单的处理方式。" })
  .default("")
  .transform((value) => (value === "" ? null : value));

/**
 * transitionStory: id, action (submit/return/reject/publish/schedule/unpublish), reason (return and
 * reject: required, shown to the author), publishAt (for schedule,
 * local date-time in Asia/Shanghai), rankChoice (keep/renumber, for a story ranked in a published roundup).
 */
export const transitionSchema = z
  .object({
    id: z.string().min(1, "缺少报道编号。"),
    action: z.enum(["submit", "return", "reject", "publish", "schedule", "unpublish"], { error: "未知的操作。" }),
    publishAt: z.string().trim().default(""),
    // Required for return and reject (the author is shown it); ignored for the other moves.
    reason: z.string().trim().max(REVIEW_REASON_MAX, `原因最多 ${REVIEW_REASON_MAX} 个字，请精简。`).default(""),
    rankChoice,
  })
  .transform((input, ctx) => {
    const { reason: typed, ...rest } = input;
    const reason = needsReason(input.action) ? typed : null;
    if (reason === "") {
      ctx.addIssue({ code: "custom", path: ["reason"], message: input.action === "reject" ? "请写明不予采用的原因，作者会看到它。" : "请写明退回修改的原因，作者会看到它。" });
      return z.NEVER;
    }
    const value = { ...rest, reason };
    if (value.action !== "schedule") return { ...value, publishAt: null };
    if (value.publishAt === "") {
      ctx.addIssue({ code: "custom", path: ["publishAt"], message: "请选择发布时间。" });
      return z.NEVER;
    }
    const at = parseShanghaiLocal(value.publishAt);
    if (!at) {
      ctx.addIssue({ code: "custom", path: ["publishAt"], message: "这个发布时间不存在，请重新选择（例如没有 2 月 31 日）。" });
      return z.NEVER;
    }
    if (at.getTime() <= Date.now()) {
      ctx.addIssue({ code: "custom", path: ["publishAt"], message: "定时发布的时间必须晚于现在。" });
      return z.NEVER;
    }
    return { ...value, publishAt: at };
  });

/** correctStory: id, correction (the note shown on the story page). */
export const correctionSchema = z.object({
  id: z.string().min(1, "缺少报道编号。"),
  correction: z.string().trim().min(1, "请填写更正说明。").max(1000, "更正说明最多 1000 个字。"),
});

/** lockStory: id, takeover ("1" to take over someone else's lock). */
export const lockSchema = z.object({
  id: z.string().min(1, "缺少报道编号。"),
  takeover: z.string().optional().transform((value) => value === "1"),
});

/** restoreRevision: id (story), revisionId, baseVersion. */
export const restoreSchema = z.object({
  id: z.string().min(1, "缺少报道编号。"),
  revisionId: z.string().min(1, "缺少修订编号。"),
  baseVersion: versionSchema,
});

/** bulkStories: ids (repeated field), action (unpublish/move), sectionId (for move), rankChoice (as for transitionStory). */
export const bulkSchema = z
  .object({
    ids: z.array(z.string().min(1)).min(1, "请至少选择一篇报道。").max(200, "一次最多处理 200 篇。"),
    action: z.enum(["unpublish", "move"], { error: "请选择批量操作。" }),
    sectionId: z.string().trim().default(""),
    rankChoice,
  })
  .refine((value) => value.action !== "move" || value.sectionId !== "", { path: ["sectionId"], message: "请选择目标栏目。" });

/**
 * "2024-05-01T08:30" typed in a datetime-local field means Beijing time, whatever the server's zone.
 * A date that doesn't exist (31 February, month 13, 25:00) is null rather than rolled over.
 */
export function parseShanghaiLocal(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  if (h > 23 || mi > 59) return null;
  // Date.UTC rolls 2030-02-31 over to 3 March: the calendar day must come back unchanged.
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return null;
  return new Date(Date.UTC(y, mo - 1, d, h - 8, mi));
}
