"use client";

import { useActionState, useState } from "react";
import { createRoundup, updateRoundup } from "@/lib/actions/roundups";
import { Field } from "@/components/ui/field";
import { OutcomeLine } from "@/components/ui/outcome-line";
import type { ActionResult } from "@/lib/actions/result";
import type { PickerMedia } from "@/lib/media/picker";
import { RoundupLeadFields, type LeadValues } from "./roundup-lead-fields";

type Values = { title: string; year: string; publisher: string; intro: string; outro: string };
const initial: ActionResult = { ok: false };

/**
 * Title, year, who selected it, intro and outro, and (when editing) the lead photo slot; creates a
 * roundup, or saves one when given its id.
 */
export function RoundupForm({ id, values, lead }: { id?: string; values: Values; lead?: { values: LeadValues; initial: PickerMedia | null } }) {
  const [state, action, pending] = useActionState(id ? updateRoundup : createRoundup, initial);
  // Controlled so a refused save keeps what was typed.
  const [form, setForm] = useState(values);
  const [leadValues, setLeadValues] = useState(lead?.values);
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
    </form>
  );
}
