import type { z } from "zod";
import { AppError, userMessage } from "@/lib/errors";

/** What every Server Action returns to its form (used with useActionState). */
export type ActionResult<T = undefined> = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  data?: T;
};

export const initialActionResult: ActionResult = { ok: false };

/** Field errors from a failed zod parse, keyed by the input's name. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    (result[key] ??= []).push(issue.message);
  }
  return result;
}

/** Maps a thrown error to the action contract: our own messages pass through, the rest is logged. */
export function failure(error: unknown, context: string): ActionResult<never> {
  if (error instanceof AppError) return { ok: false, message: error.message };
  return { ok: false, message: userMessage(error, context) };
}
