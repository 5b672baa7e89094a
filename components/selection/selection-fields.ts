import type { FieldSpec } from "@/components/selection/action-form";
import { TIE_BREAK_LABELS } from "@/lib/selection/scoring";
import { TIE_BREAKS, toShanghaiLocal } from "@/lib/validation/selection";

/** The settings form of a selection (create and edit share it). */
export const SELECTION_FIELDS: FieldSpec[] = [
  { name: "title", label: "评选标题", kind: "text" },
  { name: "year", label: "年份", kind: "number" },
  { name: "intro", label: "说明（显示在投票页顶部）", kind: "textarea" },
  { name: "maxChoices", label: "每位读者最多可选几项", kind: "number" },
  { name: "opensAt", label: "投票开始时间（北京时间）", kind: "datetime", hint: "到时间自动开始，无需手动操作。" },
  { name: "closesAt", label: "投票截止时间（北京时间）", kind: "datetime", hint: "到时间自动截止。" },
  { name: "resultsPublic", label: "在投票页公开实时票数", kind: "checkbox" },
  { name: "readerWeight", label: "读者投票所占比例（%），其余为评委评分", kind: "number", hint: "例如 40 表示读者 40%、评委 60%。" },
  { name: "tieBreak", label: "同分时的排序规则", kind: "select", options: TIE_BREAKS.map((rule) => ({ value: rule, label: TIE_BREAK_LABELS[rule] })) },
];

export function selectionValues(selection: { title: string; year: number; intro: string; maxChoices: number; opensAt: Date; closesAt: Date; resultsPublic: boolean; readerWeight: number; tieBreak: string }): Record<string, string> {
  return {
    title: selection.title,
    year: String(selection.year),
    intro: selection.intro,
    maxChoices: String(selection.maxChoices),
    opensAt: toShanghaiLocal(selection.opensAt),
    closesAt: toShanghaiLocal(selection.closesAt),
    resultsPublic: selection.resultsPublic ? "on" : "",
    readerWeight: String(selection.readerWeight),
    tieBreak: selection.tieBreak,
  };
}

const DAY = 24 * 60 * 60 * 1000;

/** A new selection's starting values: voting from midnight (UTC) the day after tomorrow, for two weeks. */
export function newSelectionValues(now: Date = new Date()): Record<string, string> {
  const opensAt = new Date(Math.ceil(now.getTime() / DAY) * DAY + DAY);
  return selectionValues({ title: "", year: now.getFullYear(), intro: "", maxChoices: 10, opensAt, closesAt: new Date(opensAt.getTime() + 14 * DAY), resultsPublic: false, readerWeight: 40, tieBreak: "JURY_FIRST" });
}
