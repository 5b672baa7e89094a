import "server-only";
import { redirect, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { Role } from "@/generated/prisma/enums";
import type { ActionResult } from "@/lib/actions/result";
import { requireActor } from "@/lib/auth/guards";
import type { Actor } from "@/lib/auth/roles";
import { type ErrorCode, toAppError } from "@/lib/errors";
import { CONTROL_CHARACTER_MESSAGE, hasForbiddenControl } from "@/lib/validation/text";
import "@/lib/validation/zod-setup";

// The one Server Action wrapper. Each action declares who may call it and its zod schema once; the
// wrapper does guard → parse the form data → call → map errors → result, so no action writes that
// sequence by hand:
//
//   export const publishThing = defineAction({
//     name: "publishThing", role: "EDITOR", schema: thingIdSchema,
//     handler: async ({ id }, { actor }) => ({ ok: true, message: "已发布。" }),
//   });
//
// Handlers throw AppErrors (lib/errors.ts) for expected failures, or return { ok: false, code, … }
// when the failure carries data for the form (a save conflict). A handler that wants to navigate
// returns { ok: true, redirectTo }: redirect() runs after the try/catch, never inside it.

/** What a handler gives back: a success (optionally a place to go next) or a failure with a code. */
export type Outcome<T> =
  | { ok: true; message?: string; data?: T; redirectTo?: string }
  | { ok: false; code: ErrorCode; message: string; fieldErrors?: Record<string, string[]>; data?: T };

type Common<S extends z.ZodType> = {
  /** Used in logs. */
  name: string;
  schema: S;
  /** The object the schema parses; defaults to the form's fields (the last value of a repeated name). */
  input?: (formData: FormData) => unknown;
  /** The form-level message when parsing fails; "first-issue" for forms whose fields show no errors. */
  invalidMessage?: string | "first-issue";
};

/**
 * For forms that must work without JavaScript: what was entered, put into every refusal's data (a
 * failed parse or a thrown error), so the page rendered again after a plain form post shows it.
 */
type Keep<T> = { keep?: (formData: FormData) => T };

type StaffConfig<S extends z.ZodType, T> = Common<S> & Keep<T> & {
  role: Role;
  /** Only for the action that sets a first password: an account on a temporary one may call it. */
  allowPendingPassword?: boolean;
  /** Only for enrolling in two-factor sign-in: an account that must enrol before anything else may call it. */
  allowPendingTwoFactor?: boolean;
  handler: (input: z.output<S>, ctx: { actor: Actor }) => Promise<Outcome<T>>;
};

type PublicConfig<S extends z.ZodType, T> = Common<S> & Keep<T> & {
  /** Open to signed-out visitors; the handler does its own authorization (e.g. holding a token). */
  role: "public";
  handler: (input: z.output<S>, ctx: { actor: null }) => Promise<Outcome<T>>;
};

export type FormAction<T> = (previous: ActionResult<T>, formData: FormData) => Promise<ActionResult<T>>;

export const INVALID_INPUT_MESSAGE = "请检查标出的项目。";

/** Field errors from a failed zod parse, keyed by the input's name. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    (result[key] ??= []).push(issue.message);
  }
  return result;
}

export function defineAction<S extends z.ZodType, T = undefined>(config: StaffConfig<S, T>): FormAction<T>;
export function defineAction<S extends z.ZodType, T = undefined>(config: PublicConfig<S, T>): FormAction<T>;
export function defineAction<S extends z.ZodType, T>(config: StaffConfig<S, T> | PublicConfig<S, T>): FormAction<T> {
  const formMessage = (first?: string) =>
    config.invalidMessage === "first-issue" ? (first ?? INVALID_INPUT_MESSAGE) : (config.invalidMessage ?? INVALID_INPUT_MESSAGE);

  /** The parsed input, or the INVALID result for the form. Anything that is not form data fails to parse. */
  const parse = (formData: unknown): { ok: true; data: z.output<S> } | { ok: false; result: ActionResult<T> } => {
    if (!(formData instanceof FormData)) return { ok: false, result: { ok: false, code: "INVALID", message: formMessage() } };
    // NUL and other control characters in any field: refused here, for every action, next to the field.
    const controlled = [...new Set([...formData].filter(([, value]) => typeof value === "string" && hasForbiddenControl(value)).map(([key]) => key))];
    if (controlled.length > 0) {
      return { ok: false, result: { ok: false, code: "INVALID", message: formMessage(CONTROL_CHARACTER_MESSAGE), fieldErrors: Object.fromEntries(controlled.map((key) => [key, [CONTROL_CHARACTER_MESSAGE]])) } };
    }
    const parsed = config.schema.safeParse((config.input ?? Object.fromEntries)(formData));
    if (parsed.success) return { ok: true, data: parsed.data };
    return { ok: false, result: { ok: false, code: "INVALID", message: formMessage(parsed.error.issues[0]?.message), fieldErrors: fieldErrorsOf(parsed.error) } };
  };

  const refused = (result: ActionResult<T>, formData: FormData): ActionResult<T> => (config.keep && formData instanceof FormData ? { ...result, data: config.keep(formData) } : result);

  return async function runAction(_previous: ActionResult<T>, formData: FormData): Promise<ActionResult<T>> {
    let redirectTo: string | undefined;
    let context = config.name;
    try {
      let outcome: Outcome<T>;
      if (config.role === "public") {
        const input = parse(formData);
        if (!input.ok) return refused(input.result, formData);
        outcome = await config.handler(input.data, { actor: null });
      } else {
        // Guard first: a refused caller learns nothing about what the input would have done.
        const actor = await requireActor(config.role, { allowPendingPassword: config.allowPendingPassword ?? false, allowPendingTwoFactor: config.allowPendingTwoFactor ?? false });
        context = `${config.name} (user ${actor.id})`;
        const input = parse(formData);
        if (!input.ok) return refused(input.result, formData);
        outcome = await config.handler(input.data, { actor });
      }
      if (!outcome.ok) return outcome;
      if (!outcome.redirectTo) return { ok: true, message: outcome.message, data: outcome.data };
      redirectTo = outcome.redirectTo;
    } catch (error) {
      // redirect()/notFound() called deeper down are Next's control flow, not failures.
      unstable_rethrow(error);
      const appError = toAppError(error, context);
      // A failure that belongs to one field shows there; the form's outcome line points to it.
      if (appError.field) return refused({ ok: false, code: appError.code, message: formMessage(), fieldErrors: { [appError.field]: [appError.message] } }, formData);
      return refused({ ok: false, code: appError.code, message: appError.message }, formData);
    }
    redirect(redirectTo);
  };
}
