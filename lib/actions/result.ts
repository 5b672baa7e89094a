import type { ErrorCode } from "@/lib/errors";

/**
 * What every Server Action returns to its form (used with useActionState). A failure always has a
 * code (lib/errors.ts) so callers and tests branch on it, and a message a user can read.
 */
export type ActionResult<T = undefined> = {
  ok: boolean;
  code?: ErrorCode;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  data?: T;
};

export const initialActionResult: ActionResult = { ok: false };
