"use client";

import { useId, useState } from "react";
import { useFormAction } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/actions/result";
import type { FormAction } from "@/lib/actions/safe-action";

export type FieldSpec =
  | { name: string; label: string; kind: "text" | "number" | "datetime" | "textarea"; hint?: string }
  | { name: string; label: string; kind: "select"; options: { value: string; label: string }[]; hint?: string }
  | { name: string; label: string; kind: "checkbox"; hint?: string };

type Props<T> = {
  action: FormAction<T>;
  /** Fixed fields (ids) sent with every submit. */
  hidden?: Record<string, string>;
  fields?: FieldSpec[];
  /** Starting values; checkboxes use "on" for ticked. */
  values?: Record<string, string>;
  submitLabel: string;
  pendingLabel?: string;
  /** Clear the fields after a success (forms that add something). */
  clearOnSuccess?: boolean;
  secondary?: boolean;
  /** Shown under the outcome line after a success, from the action's data (a one-time link). */
  renderData?: (data: T) => React.ReactNode;
};

const initial: ActionResult = { ok: false };

// The selection pages' form: fields are controlled, so a refused submit keeps what was typed; each
// field error sits under its field (aria-describedby), and the outcome line says what happened.
// It submits through onSubmit rather than as the form's action: React resets a form after its action,
// and a reset puts a controlled <select> back on the option the page was first rendered with (React
// keeps text fields and checkboxes in step, not selects), so the next save would send that old value.
export function ActionForm<T>({ action, hidden = {}, fields = [], values = {}, submitLabel, pendingLabel = "正在提交…", clearOnSuccess, secondary, renderData }: Props<T>) {
  const [form, setForm] = useState<Record<string, string>>(values);
  const [state, onSubmit, pending, run] = useFormAction(async (previous: ActionResult<T>, data: FormData) => {
    const result = await action(previous, data);
    if (result.ok && clearOnSuccess) setForm(values);
    return result;
  }, initial as ActionResult<T>);
  const prefix = useId();
  const errors = state.fieldErrors ?? {};
  const set = (name: string, value: string) => setForm((current) => ({ ...current, [name]: value }));

  return (
    <form
      action={run}
      onSubmit={onSubmit}
      className={fields.length > 0 ? "stack" : "inline-form"}
      noValidate
    >
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {fields.map((field) => {
        const errorId = `${prefix}-${field.name}-error`;
        const aria = { "aria-invalid": !!errors[field.name], "aria-describedby": errors[field.name] ? errorId : undefined };
        const value = form[field.name] ?? "";
        let input: React.ReactNode;
        if (field.kind === "textarea") input = <textarea name={field.name} rows={3} value={value} onChange={(e) => set(field.name, e.target.value)} {...aria} />;
        else if (field.kind === "select")
          input = (
            <select name={field.name} value={value} onChange={(e) => set(field.name, e.target.value)} {...aria}>
              {field.options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          );
        else if (field.kind === "checkbox") input = <input type="checkbox" name={field.name} checked={value === "on"} onChange={(e) => set(field.name, e.target.checked ? "on" : "")} {...aria} />;
        else
          input = (
            <input
              name={field.name}
              type={field.kind === "datetime" ? "datetime-local" : "text"}
              inputMode={field.kind === "number" ? "numeric" : undefined}
              value={value}
              onChange={(e) => set(field.name, e.target.value)}
              {...aria}
            />
          );
        return (
          <label key={field.name} className={field.kind === "checkbox" ? "checkbox-label" : undefined}>
            {field.kind === "checkbox" ? input : null}
            {field.label}
            {field.kind === "checkbox" ? null : input}
            {field.hint ? <span className="muted">{field.hint}</span> : null}
            {errors[field.name] ? (
              <span id={errorId} className="field-error">
                {errors[field.name]?.join(" ")}
              </span>
            ) : null}
          </label>
        );
      })}
      <div className="actions">
        <button className={secondary ? "button button-secondary" : "button"} type="submit" disabled={pending}>
          {pending ? pendingLabel : submitLabel}
        </button>
      </div>
      <p role="status" className={state.ok ? "form-ok" : "form-error"}>
        {state.message ?? ""}
      </p>
      {state.ok && state.data !== undefined && renderData ? renderData(state.data) : null}
    </form>
  );
}
