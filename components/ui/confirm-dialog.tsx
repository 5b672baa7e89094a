"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";

type Props = {
  open: boolean;
  /** The question, e.g. "撤下这篇报道？"; names the dialog for screen readers. */
  title: string;
  /** What will happen, and any choices (inputs here belong to the surrounding form). */
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  /** Called when the dialog closes for any reason: cancel, Esc, or after confirming. */
  onClose: () => void;
  /**
   * Inside a <form>: the confirm button submits it, with this name/value like any submit button, so
   * the inputs in the dialog travel with the form. Without it, onConfirm is called.
   */
  submit?: { name?: string; value?: string };
  onConfirm?: () => void;
  disabled?: boolean;
};

// The one confirmation dialog for destructive and public actions. A native <dialog> opened with
// showModal(): the rest of the page is inert (focus stays inside), Esc closes it, focus returns to the
// button that opened it, and it is labelled by its title and described by its text. Focus starts on
// "cancel", so pressing Enter by reflex does no harm.
export function ConfirmDialog({ open, title, children, confirmLabel, cancelLabel = "取消", onClose, submit, onConfirm, disabled }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    // Esc (the "cancel" event) and close() both end in "close": one place keeps the parent's state in step.
    const closed = () => onClose();
    dialog.addEventListener("close", closed);
    return () => dialog.removeEventListener("close", closed);
  }, [onClose]);

  return (
    <dialog ref={ref} className="confirm-dialog" aria-labelledby={titleId} aria-describedby={children ? bodyId : undefined}>
      <h2 id={titleId}>{title}</h2>
      {children ? (
        <div id={bodyId} className="confirm-dialog-body">
          {children}
        </div>
      ) : null}
      <div className="actions">
        <button type="button" className="button button-secondary" autoFocus onClick={() => ref.current?.close()}>
          {cancelLabel}
        </button>
        {submit ? (
          <button
            type="submit"
            className="button"
            name={submit.name}
            value={submit.value}
            disabled={disabled}
            // The form submits after this click; close once it has.
            onClick={() => setTimeout(() => ref.current?.close(), 0)}
          >
            {confirmLabel}
          </button>
        ) : (
          <button
            type="button"
            className="button"
            disabled={disabled}
            onClick={() => {
              onConfirm?.();
              ref.current?.close();
            }}
          >
            {confirmLabel}
          </button>
        )}
      </div>
    </dialog>
  );
}
