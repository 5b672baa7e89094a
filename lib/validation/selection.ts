import { z } from "zod";
import { parseShanghaiLocal } from "@/lib/validation/story";

// FormData fields of the selection (年度评选) actions, the ballot route and the jury forms.

export const MAX_CANDIDATES = 100;
export const MAX_CHOICES_LIMIT = 50;
export const MAX_JURY_SCORE = 10;

const selectionId = z.string().trim().min(1, "缺少评选编号。");

/** A datetime-local value in Beijing time ("2026-12-01T09:00"). */
const shanghaiTime = (label: string) =>
  z
    .string({ error: `请填写${label}。` })
    .trim()
    .min(1, `请填写${label}。`)
    .transform((value, ctx) => {
      const parsed = parseShanghaiLocal(value);
      if (!parsed) {
        ctx.addIssue({ code: "custom", message: `${label}的格式不对，例如 2026-12-01 09:00。` });
        return z.NEVER;
      }
      return parsed;
    });

/** The time as a datetime-local value in Beijing time, for a form's default. */
export function toShanghaiLocal(date: Date): string {
  return new Date(date.getTime() + 8 * 60 * 60 * 1000).toISOString().slice(0, 16);
}

export const TIE_BREAKS = ["JURY_FIRST", "BALLOTS_FIRST", "CANDIDATE_ORDER"] as const;

/**
 * createSelection / updateSelection: id (update only), title, year, intro, maxChoices, opensAt,
 * closesAt (Beijing time), resultsPublic ("on" when ticked), readerWeight (percent), tieBreak.
 */
export const selectionInputSchema = z
  .object({
    id: z.string().trim().default(""),
    title: z.string().trim().min(1, "请填写评选标题。").max(200, "标题最多 200 个字。"),
    year: z.coerce.number({ error: "请填写年份。" }).int("年份必须是整数。").min(1900, "年份不能早于 1900。").max(2100, "年份不能晚于 2100。"),
    intro: z.string().trim().max(5000, "说明最多 5000 个字。").default(""),
    maxChoices: z.coerce
      .number({ error: "请填写每人最多可选几项。" })
      .int("可选项数必须是整数。")
      .min(1, "每人至少可选 1 项。")
      .max(MAX_CHOICES_LIMIT, `每人最多可选 ${MAX_CHOICES_LIMIT} 项。`),
    opensAt: shanghaiTime("投票开始时间"),
    closesAt: shanghaiTime("投票截止时间"),
    resultsPublic: z.string().optional().transform((value) => value === "on"),
    readerWeight: z.coerce.number({ error: "请填写读者投票所占比例。" }).int("比例必须是整数。").min(0, "比例在 0 到 100 之间。").max(100, "比例在 0 到 100 之间。"),
    tieBreak: z.enum(TIE_BREAKS, { error: "请选择同分时的排序规则。" }),
  })
  // zod may run this after a time field already failed (its value then isn't a Date): that field's own message is enough.
  .refine((value) => !(value.opensAt instanceof Date && value.closesAt instanceof Date) || value.closesAt.getTime() > value.opensAt.getTime(), {
    path: ["closesAt"],
    message: "截止时间必须晚于开始时间。",
  });

export type SelectionInput = z.output<typeof selectionInputSchema>;

/** updateSelection: the fields above and baseStamp, the settings' digest as the form loaded them; a stale one is refused. */
export const selectionUpdateSchema = selectionInputSchema.safeExtend({ baseStamp: z.string().max(64).default("") });

export const selectionIdSchema = z.object({ selectionId });

/** addStoryCandidate: selectionId, storyId (a published story). */
export const storyCandidateSchema = z.object({ selectionId, storyId: z.string().trim().min(1, "请选择一篇已发布的报道。") });

/** addTextCandidate: selectionId, title, description (becomes a draft story when the roundup is generated). */
export const textCandidateSchema = z.object({
  selectionId,
  title: z.string().trim().min(1, "请填写候选标题。").max(200, "候选标题最多 200 个字。"),
  description: z.string().trim().max(2000, "候选说明最多 2000 个字。").default(""),
});

/** removeCandidate: selectionId, candidateId. */
export const candidateRefSchema = z.object({ selectionId, candidateId: z.string().trim().min(1, "缺少候选编号。") });

/** addStaffJuror: selectionId, userId (an active staff account). */
export const staffJurorSchema = z.object({ selectionId, userId: z.string().trim().min(1, "请选择一位同事。") });

/** inviteJuror: selectionId, name, days (how long the link works). */
export const jurorInviteSchema = z.object({
  selectionId,
  name: z.string().trim().min(1, "请填写评委姓名。").max(100, "姓名最多 100 个字。"),
  days: z.coerce.number({ error: "请填写链接有效天数。" }).int("天数必须是整数。").min(1, "有效期至少 1 天。").max(30, "有效期最多 30 天。").default(7),
});

/** revokeJuror: selectionId, jurorId. */
export const jurorRefSchema = z.object({ selectionId, jurorId: z.string().trim().min(1, "缺少评委编号。") });

/** setExcludeFlagged: selectionId, exclude ("on" = leave flagged ballots out of the results). */
export const excludeFlaggedSchema = z.object({ selectionId, exclude: z.string().optional().transform((value) => value === "on") });

/** setRoundupScoresShown: roundupId, show ("on" = the public page shows 读者票数 / 评委评分). */
export const roundupScoresShownSchema = z.object({ roundupId: z.string().trim().min(1, "缺少榜单编号。"), show: z.string().optional().transform((value) => value === "on") });

const score = z.coerce
  .number({ error: `评分必须是 1 到 ${MAX_JURY_SCORE} 的整数。` })
  .int(`评分必须是 1 到 ${MAX_JURY_SCORE} 的整数。`)
  .min(1, `评分必须是 1 到 ${MAX_JURY_SCORE} 的整数。`)
  .max(MAX_JURY_SCORE, `评分必须是 1 到 ${MAX_JURY_SCORE} 的整数。`);

/** saveJuryScores: selectionId, and score.<candidateId> per candidate (blank = not scored yet). */
export const juryScoresSchema = z.object({
  selectionId,
  scores: z.record(z.string().min(1), z.union([z.literal("").transform(() => null), score])),
});

/** The score.<candidateId> fields of the jury form, by candidate id, as entered. */
export function juryScoresEntered(formData: FormData): Record<string, string> {
  const scores: Record<string, string> = {};
  for (const [key, value] of formData) if (key.startsWith("score.") && typeof value === "string") scores[key.slice("score.".length)] = value.trim();
  return scores;
}

/** The jury form as { selectionId, scores }. */
export function juryScoresInput(formData: FormData): unknown {
  return { selectionId: formData.get("selectionId") ?? "", scores: juryScoresEntered(formData) };
}

/**
 * A ballot as the voting form posts it: the form's signed token (it carries the idempotency key)
 * and the ticked candidates (repeated "choice"). Limits on the count depend on the selection and are
 * checked against it (lib/data/ballots.ts).
 */
export const ballotFormSchema = z.object({
  token: z.string({ error: "投票表单已失效，请刷新页面后重新投票。" }).trim().min(1, "投票表单已失效，请刷新页面后重新投票。").max(500, "投票表单已失效，请刷新页面后重新投票。"),
  choices: z.array(z.string().trim().min(1).max(40)).min(1, "请至少选择一项。").max(MAX_CANDIDATES, "选择的项目太多了。"),
});

/** What a ballot's form is read from: FormData (multipart) or URLSearchParams (a plain form post). */
export type FormFields = { get(name: string): unknown; getAll(name: string): unknown[] };

export function ballotFormInput(formData: FormFields): unknown {
  return { token: formData.get("token") ?? undefined, choices: formData.getAll("choice").filter((value) => typeof value === "string") };
}
