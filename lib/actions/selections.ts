"use server";

import { refresh } from "next/cache";
import { cookies } from "next/headers";
import type { z } from "zod";
import { defineAction } from "@/lib/actions/safe-action";
import type { Actor } from "@/lib/auth/roles";
import { getCurrentUser } from "@/lib/auth/session";
import { cacheTags, expireTags, tagsForRoundup } from "@/lib/cache/tags";
import * as jurors from "@/lib/data/jurors";
import * as results from "@/lib/data/selection-results";
import * as selections from "@/lib/data/selections";
import { getSiteUrl } from "@/lib/env";
import { formatDateTime } from "@/lib/format";
import { TIE_BREAK_LABELS } from "@/lib/selection/scoring";
import { JUROR_COOKIE } from "@/lib/selection/juror-cookie";
import {
  candidateRefSchema,
  excludeFlaggedSchema,
  juryScoresEntered,
  juryScoresInput,
  juryScoresSchema,
  jurorInviteSchema,
  jurorRefSchema,
  roundupScoresShownSchema,
  selectionIdSchema,
  selectionInputSchema,
  selectionUpdateSchema,
  staffJurorSchema,
  storyCandidateSchema,
  textCandidateSchema,
} from "@/lib/validation/selection";

// Selection (年度评选) actions. Editors and admins manage selections; saveJuryScores is open to any
// caller because outside jurors have no account: the handler authorizes by the juror cookie or the
// signed-in account's juror seat on that selection.

const INVALID = "请检查标出的项目。";

/** The voting page (and its totals) changed: this process at once; others through the data layer's notice. */
function expireSelection(slug: string): void {
  expireTags([cacheTags.selection(slug), cacheTags.selectionTotals(slug)]);
}

/** A success on the editor page: re-render it (lists of candidates and jurors) with the message. */
function done(message: string): { ok: true; message: string } {
  refresh();
  return { ok: true, message };
}

type EditorChange<S extends z.ZodType> = {
  name: string;
  schema: S;
  invalidMessage?: string;
  /** The data-layer change. The slug it returns names a voting page that shows the change (jurors show on none). */
  change: (actor: Actor, input: z.output<S>) => Promise<{ slug: string } | void>;
  message: string | ((input: z.output<S>) => string);
};

/** Most editor actions here: change, expire the voting page it shows on, re-render the editor page with a message. */
function editorChange<S extends z.ZodType>({ name, schema, invalidMessage = "first-issue", change, message }: EditorChange<S>) {
  return defineAction({
    name,
    role: "EDITOR",
    schema,
    invalidMessage,
    handler: async (input, { actor }) => {
      const changed = await change(actor, input);
      if (changed) expireSelection(changed.slug);
      return done(typeof message === "string" ? message : message(input));
    },
  });
}

export const createSelection = defineAction({
  name: "createSelection",
  role: "EDITOR",
  schema: selectionInputSchema,
  invalidMessage: INVALID,
  handler: async ({ id: _ignored, ...input }, { actor }) => {
    const { id, slug } = await selections.createSelection(actor, input);
    expireSelection(slug);
    return { ok: true, redirectTo: `/editor/selections/${id}` };
  },
});

/** Each setting the other person saved differently from this form, as it now reads. */
function settingsDifferences(mine: selections.SelectionSettings, theirs: selections.SelectionSettings): string[] {
  const read: [string, (s: selections.SelectionSettings) => string][] = [
    ["评选标题", (s) => s.title],
    ["年份", (s) => String(s.year)],
    ["说明", (s) => s.intro || "（空）"],
    ["每位读者最多可选", (s) => `${s.maxChoices} 项`],
    ["投票开始时间", (s) => formatDateTime(s.opensAt)],
    ["投票截止时间", (s) => formatDateTime(s.closesAt)],
    ["公开实时票数", (s) => (s.resultsPublic ? "是" : "否")],
    ["读者投票所占比例", (s) => `${s.readerWeight}%`],
    ["同分时的排序规则", (s) => TIE_BREAK_LABELS[s.tieBreak]],
  ];
  return read.filter(([, value]) => value(mine) !== value(theirs)).map(([label, value]) => `${label}：${value(theirs)}`);
}

export const updateSelection = defineAction({
  name: "updateSelection",
  role: "EDITOR",
  schema: selectionUpdateSchema,
  invalidMessage: INVALID,
  handler: async ({ id, baseStamp, ...input }, { actor }) => {
    try {
      expireSelection((await selections.updateSelection(actor, id, input, undefined, baseStamp)).slug);
      return done("评选设置已保存。");
    } catch (error) {
      if (!(error instanceof selections.SelectionSettingsConflictError)) throw error;
      // The page renders again with the stored settings' stamp, so the next save, made knowingly after
      // reading this, goes through; the form keeps what was typed.
      refresh();
      const differences = settingsDifferences(input, error.current);
      const theirs = differences.length > 0 ? `对方保存的与你的不同之处——${differences.join("；")}。` : "";
      return { ok: false, code: "CONFLICT", message: `${error.message}${theirs}你填写的内容仍在表单中，核对后再点「保存设置」，将以表单中的内容为准。` };
    }
  },
});

export const addStoryCandidate = editorChange({ name: "addStoryCandidate", schema: storyCandidateSchema, change: (actor, input) => selections.addStoryCandidate(actor, input), message: "已加入候选。" });

export const addTextCandidate = editorChange({ name: "addTextCandidate", schema: textCandidateSchema, invalidMessage: INVALID, change: (actor, input) => selections.addTextCandidate(actor, input), message: "已加入候选。" });

export const removeCandidate = editorChange({ name: "removeCandidate", schema: candidateRefSchema, change: (actor, input) => selections.removeCandidate(actor, input), message: "已移除候选。" });

export const addStaffJuror = editorChange({ name: "addStaffJuror", schema: staffJurorSchema, change: (actor, input) => jurors.addStaffJuror(actor, input), message: "已添加评委。" });

export const inviteJuror = defineAction<typeof jurorInviteSchema, { link: string }>({
  name: "inviteJuror",
  role: "EDITOR",
  schema: jurorInviteSchema,
  invalidMessage: INVALID,
  handler: async (input, { actor }) => {
    const { token } = await jurors.inviteJuror(actor, input);
    const selection = await selections.getSelectionForEdit(actor, input.selectionId);
    const link = `${getSiteUrl()}/selections/${encodeURIComponent(selection?.slug ?? "")}/jury/join/${token}`;
    refresh();
    return { ok: true, message: `已为 ${input.name} 生成邀请链接（只显示这一次，${input.days} 天内有效，只能使用一次）。`, data: { link } };
  },
});

export const revokeJuror = editorChange({ name: "revokeJuror", schema: jurorRefSchema, change: (actor, input) => jurors.revokeJuror(actor, input), message: "已撤销评委资格。" });

export const setExcludeFlagged = editorChange({
  name: "setExcludeFlagged",
  schema: excludeFlaggedSchema,
  change: (actor, input) => results.setExcludeFlagged(actor, input),
  message: (input) => (input.exclude ? "被标记的选票已不计入结果。" : "被标记的选票已恢复计入。"),
});

export const generateSelectionRoundup = defineAction({
  name: "generateSelectionRoundup",
  role: "EDITOR",
  schema: selectionIdSchema,
  invalidMessage: "first-issue",
  handler: async ({ selectionId }, { actor }) => {
    const { roundupId } = await results.generateRoundup(actor, selectionId);
    return { ok: true, redirectTo: `/editor/roundups/${roundupId}` };
  },
});

export const setRoundupScoresShown = defineAction({
  name: "setRoundupScoresShown",
  role: "EDITOR",
  schema: roundupScoresShownSchema,
  invalidMessage: "first-issue",
  handler: async (input, { actor }) => {
    const change = await results.setRoundupScoresShown(actor, input);
    if (change.published) expireTags(tagsForRoundup(change.slug, change.storySlugs));
    return done(input.show ? "公开页面将显示读者票数 / 评委评分。" : "公开页面不再显示读者票数 / 评委评分。");
  },
});

/** What the jury form gets back: the scores as entered, so a refused save loses none (with or without JavaScript). */
export type JuryScoresData = { scores: Record<string, string> };

export const saveJuryScores = defineAction<typeof juryScoresSchema, JuryScoresData>({
  name: "saveJuryScores",
  role: "public",
  schema: juryScoresSchema,
  input: juryScoresInput,
  keep: (formData) => ({ scores: juryScoresEntered(formData) }),
  invalidMessage: "first-issue",
  handler: async (input) => {
    // The sheet is rendered again whatever happens, as it is after a post without script: a candidate
    // removed meanwhile goes away, a revoked seat or a generated roundup says so.
    refresh();
    const selection = await jurors.selectionSlug(input.selectionId);
    // An outside juror's cookie first (sent only to this selection's jury page), then a staff seat.
    const juror = (await jurors.jurorFromSession(selection, (await cookies()).get(JUROR_COOKIE)?.value)) ?? (await jurors.jurorFromStaff(await getCurrentUser(), selection));
    const saved = await jurors.saveJuryScores(juror, input);
    const scores = Object.fromEntries(Object.entries(input.scores).map(([candidateId, score]) => [candidateId, score === null ? "" : String(score)]));
    return { ok: true, message: `评分已保存（已评 ${saved.scored}/${saved.total} 项）。`, data: { scores } };
  },
});
