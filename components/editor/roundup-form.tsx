"use client";

import { useActionState, useState } from "react";
import { createRoundup, updateRoundup, type RoundupSaveData } from "@/lib/actions/roundups";
import { Field } from "@/components/ui/field";
import { OutcomeLine } from "@/components/ui/outcome-line";
import type { ActionResult } from "@/lib/actions/result";
import type { RoundupInfo } from "@/lib/data/roundups";
import type { PickerMedia } from "@/lib/media/picker";
import { RoundupLeadFields, type LeadValues } from "./roundup-lead-fields";

type Values = { title: string; year: string; publisher: string; intro: string; outro: string };
type Result = ActionResult<RoundupSaveData>;
const initial: Result = { ok: false };

type Props = {
  id?: string;
  values: Values;
  lead?: { values: LeadValues; initial: PickerMedia | null };
  /** When editing: the details' digest as loaded, named by the first save (a stale one is refused). */
  infoStamp?: string;
};

const LABELS: [keyof Values | keyof LeadValues, string][] = [
  ["title", "标题"],
  ["year", "年份"],
  ["publisher", "评选单位"],
  ["intro", "导语"],
  ["outro", "结语"],
  ["leadAlt", "题图替代文字"],
  ["leadCaption", "图片说明"],
  ["leadCredit", "图片署名"],
];

/** Where the stored details differ from the form: what saving the form would replace. */
function differences(theirs: RoundupInfo, form: Values, lead: LeadValues | undefined): string[] {
  const stored: Record<string, string> = { ...theirs, year: String(theirs.year), leadMediaId: theirs.leadMediaId ?? "" };
  const typed: Record<string, string> = { ...form, ...lead };
  const lines = LABELS.filter(([key]) => typed[key] !== undefined && stored[key] !== typed[key].trim()).map(([key, label]) => `${label}：${stored[key] || "（空）"}`);
  if (lead && stored.leadMediaId !== lead.leadMediaId) lines.push(stored.leadMediaId ? "题图：已更换" : "题图：已移除");
  return lines;
}

/**
 * Title, year, who selected it, intro and outro, and (when editing) the lead photo slot; creates a
 * roundup, or saves one when given its id.
 */
export function RoundupForm({ id, values, lead, infoStamp }: Props) {
  const [state, action, pending] = useActionState<Result, FormData>(id ? updateRoundup : createRoundup, initial);
  // Controlled so a refused save keeps what was typed.
  const [form, setForm] = useState(values);
  const [leadValues, setLeadValues] = useState(lead?.values);
  // Adjusted while rendering, once per result: each save answers with the stamp the next one names
  // (after a conflict, the other person's: saving again then overrides them knowingly).
  const [stamp, setStamp] = useState(infoStamp ?? "");
  const [handled, setHandled] = useState(state);
  if (handled !== state) {
    setHandled(state);
    if (state.data) setStamp(state.data.infoStamp);
  }
  const theirs = state.data?.theirs ? differences(state.data.theirs, form, leadValues) : [];
  const errors = state.fieldErrors ?? {};
  const field = (name: keyof Values, label: string, multiline = false) => (
    <Field label={label} name={name} id={`roundup-${name}`} error={errors[name]}>
      {(props) =>
        multiline ? (
          <textarea {...props} rows={4} value={form[name]} onChange={(e) => setForm({ ...form, [name]: e.target.value })} />
        ) : (
          <input {...props} inputMode={name === "year" ? "numeric" : undefined} value={form[name]} onChange={(e) => setForm({ ...form, [name]: e.target.value })} />
        )
      }
    </Field>
  );
  return (
    <form action={action} className="stack" noValidate>
      {id ? <input type="hidden" name="id" value={id} /> : null}
      {id ? <input type="hidden" name="baseStamp" value={stamp} /> : null}
      {field("title", "榜单标题")}
      {field("year", "年份")}
      {field("publisher", "评选单位（只填名称，如：吉林日报社）")}
      <p className="muted">页面上显示为“某某选出”，“选出”二字会自动加上。</p>
      {field("intro", "导语", true)}
      {field("outro", "结语（列表之后的文字，可不填）", true)}
      {lead && leadValues ? <RoundupLeadFields values={leadValues} initial={lead.initial} onChange={(patch) => setLeadValues({ ...leadValues, ...patch })} errors={errors} /> : null}
      <div className="actions">
        <button className="button" type="submit" disabled={pending}>
          {pending ? "正在保存…" : id ? "保存榜单信息" : "创建榜单"}
        </button>
      </div>
      <OutcomeLine result={state} live />
      {theirs.length > 0 ? (
        <section className="conflict" aria-labelledby="roundup-theirs-title">
          <h2 id="roundup-theirs-title">对方保存的榜单信息</h2>
          <ul>
            {theirs.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </form>
  );
}
