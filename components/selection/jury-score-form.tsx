"use client";

import { Field } from "@/components/ui/field";
import { OutcomeLine } from "@/components/ui/outcome-line";
import { useFormAction } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/actions/result";
import { type JuryScoresData, saveJuryScores } from "@/lib/actions/selections";

export type JuryCandidate = { id: string; position: number; title: string; description: string; score: number | null };

type Props = { selectionId: string; maxScore: number; candidates: JuryCandidate[] };

const initial: ActionResult<JuryScoresData> = { ok: false };

// A juror's score sheet. The Server Action is the form's action as React renders it, so the sheet
// works without JavaScript: the browser posts it to this page, Next.js runs the action and renders
// the page again with its result, whose data is the scores as entered (the selects start from them).
// With script, the submit goes through onSubmit instead of the form action, because React resets a
// form after its action: a refused save would lose what was chosen. The selects are uncontrolled for
// the same reason, and so that a choice made before the page's script has loaded is kept.
export function JuryScoreForm({ selectionId, maxScore, candidates }: Props) {
  const [state, onSubmit, pending, action] = useFormAction(saveJuryScores, initial);
  const chosen = (candidate: JuryCandidate) => state.data?.scores[candidate.id] ?? (candidate.score === null ? "" : String(candidate.score));
  const errors = state.fieldErrors ?? {};
  const options = [{ value: "", label: "未评分" }, ...Array.from({ length: maxScore }, (_, index) => ({ value: String(maxScore - index), label: `${maxScore - index} 分` }))];

  return (
    <form
      action={action}
      onSubmit={onSubmit}
      className="jury-form"
      noValidate
    >
      <input type="hidden" name="selectionId" value={selectionId} />
      {candidates.map((candidate) => (
        <Field
          key={candidate.id}
          name={`score.${candidate.id}`}
          id={`score-${candidate.id}`}
          label={`${candidate.position}. ${candidate.title}`}
          hint={candidate.description || undefined}
          error={errors[`scores.${candidate.id}`]}
        >
          {(control) => (
            <select {...control} defaultValue={chosen(candidate)}>
              {options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      ))}
      <div className="actions">
        <button className="button" type="submit" disabled={pending}>
          {pending ? "正在保存…" : "保存评分"}
        </button>
      </div>
      <OutcomeLine result={state} live />
    </form>
  );
}
