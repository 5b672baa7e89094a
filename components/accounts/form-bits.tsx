import "./accounts.css";
import type { ActionResult } from "@/lib/actions/result";

/** The form's outcome line: an alert for a refusal, a polite status for success. */
export function FormMessage({ state, id }: { state: ActionResult<unknown>; id: string }) {
  if (!state.message) return null;
  return state.ok ? (
    <p id={id} className="form-success" role="status">
      {state.message}
    </p>
  ) : (
    <p id={id} className="form-error" role="alert">
      {state.message}
    </p>
  );
}

export function FieldError({ state, name, id }: { state: ActionResult<unknown>; name: string; id: string }) {
  const messages = state.fieldErrors?.[name];
  if (!messages?.length) return null;
  return (
    <span id={id} className="field-error">
      {messages.join(" ")}
    </span>
  );
}

/** aria props for an input, pointing at its error when there is one. */
export function invalidProps(state: ActionResult<unknown>, name: string, errorId: string) {
  const invalid = !!state.fieldErrors?.[name]?.length;
  return { "aria-invalid": invalid, "aria-describedby": invalid ? errorId : undefined };
}
