import type { ReactNode } from "react";

// A labelled form control with its hint and error, wired for screen readers: the control names both
// in aria-describedby and is aria-invalid while an error shows. Every staff form builds its fields
// from this instead of writing the label/hint/error markup by hand.

/** The props a Field hands to its control. */
export type ControlProps = { id: string; name: string; "aria-invalid": boolean; "aria-describedby"?: string };

type Props = {
  label: ReactNode;
  name: string;
  /** Defaults to "field-<name>"; give one when a page has two forms with the same field name. */
  id?: string;
  hint?: ReactNode;
  error?: string[] | undefined;
  className?: string;
  children: (props: ControlProps) => ReactNode;
};

export function Field({ label, name, id, hint, error, className, children }: Props) {
  const controlId = id ?? `field-${name}`;
  const hintId = hint ? `${controlId}-hint` : null;
  const errorId = error?.length ? `${controlId}-error` : null;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  // The hint and the error sit outside the <label>, so the control's name stays the label alone and
  // they are read as its description.
  return (
    <div className={className ? `field ${className}` : "field"}>
      <label htmlFor={controlId}>{label}</label>
      {children({ id: controlId, name, "aria-invalid": errorId !== null, "aria-describedby": describedBy })}
      {hint ? (
        <span id={hintId ?? undefined} className="muted field-hint">
          {hint}
        </span>
      ) : null}
      <FieldError id={errorId ?? `${controlId}-error`} messages={error} />
    </div>
  );
}

/** The error under a control; for controls that can't sit inside a Field (radio groups, custom widgets). */
export function FieldError({ id, messages }: { id: string; messages: string[] | undefined }) {
  if (!messages?.length) return null;
  return (
    <span id={id} className="field-error">
      {messages.join(" ")}
    </span>
  );
}
