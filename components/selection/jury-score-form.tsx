"use client";

import { useActionState, useState } from "react";
import { Field } from "@/components/ui/field";
import { OutcomeLine } from "@/components/ui/outcome-line";
import type { ActionResult } from "@/lib/actions/result";
import { type JuryScoresData, saveJuryScores } from "@/lib/actions/selections";

export type JuryCandidate = { id: string; position: number; title: string; description: string; score: number | null };

type Props = { selectionId: string; maxScore: number; candidates: JuryCandidate[] };

const initial: ActionResult<JuryScoresData> = { ok: false };

// A juror's score sheet. The Server Action goes straight to useActionState, so the form works
// without JavaScript too: the browser posts it to this page, Next.js runs the action and renders the
// page again with its result. The action hands back the scores as entered, so a refused save shows
// them again (selects are controlled for the same reason when script runs: React resets a form after
// its action, and a refusal must keep what the juror chose).
export function JuryScoreForm({ selectionId, maxScore, candidates }: Props) {
  const [state, action, pending] = useActionState(saveJuryScores, initial);
  const [scores, setScores] = useState<Record<string, string>>(() => ({
    ...Object.fromEntries(candidates.map((candidate) => [candidate.id, candidate.score === null ? "" : String(candidate.score)])),
    ...state.data?.scores,
  }));
  const errors = state.fieldErrors ?? {};
  const options = [{ value: "", label: "未评分" }, ...Array.from({ length: maxScore }, (_, index) => ({ value: String(maxScore - index), label: `${maxScore - index} 分` }))];

  return (
    <form action={action} className="jury-form" noValidate>
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
            <select {...control} value={scores[candidate.id] ?? ""} onChange={(event) => setScores((current) => ({ ...current, [candidate.id]: event.target.value }))}>
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
