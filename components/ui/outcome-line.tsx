import type { ActionResult } from "@/lib/actions/result";

/**
 * The line after an action: a polite status for a success, an alert for a refusal, nothing before the
 * first try. `live` keeps an empty status region in the page, for forms whose outcome must be
 * announced the first time too (a region added with its text is not always read out).
 */
export function OutcomeLine({ result, id, live = false }: { result: Pick<ActionResult<unknown>, "ok" | "message">; id?: string; live?: boolean }) {
  if (!result.message) return live ? <p id={id} className="outcome" role="status" /> : null;
  return result.ok ? (
    <p id={id} className="outcome outcome-ok" role="status">
      {result.message}
    </p>
  ) : (
    <p id={id} className="outcome outcome-error" role="alert">
      {result.message}
    </p>
  );
}
