import { startTransition, useActionState, type FormEvent } from "react";

/**
 * useActionState, submitted from onSubmit. React resets a form after an action passed as its
 * `action` prop, which puts selects and radios back to their first option even when the server
 * refused the change; submitting this way keeps everything the user chose. `dispatch` is for a form
 * that must also work before its script has loaded: given as the form's `action`, the browser posts
 * the form and Next.js runs the action (onSubmit takes over once the page is interactive).
 */
export function useFormAction<State>(action: (state: Awaited<State>, payload: FormData) => Promise<State>, initial: Awaited<State>) {
  const [state, dispatch, pending] = useActionState<State, FormData>(action, initial);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // The button that submitted counts, as in a browser's own post: its name and value go along.
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(event.currentTarget, submitter instanceof HTMLElement ? submitter : null);
    startTransition(() => dispatch(formData));
  };
  return [state, onSubmit, pending, dispatch] as const;
}
