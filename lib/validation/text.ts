import { z } from "zod";

// Shared text rules. PostgreSQL refuses NUL in text, and no form field means any other control
// character except tab and line breaks; the action wrapper refuses them in every field it receives.

const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const ANY_CONTROL = /[\u0000-\u001f\u007f]/g;

export const CONTROL_CHARACTER_MESSAGE = "含有无法保存的控制字符（例如 NUL），请删除后再试。";

export function hasForbiddenControl(text: string): boolean {
  return FORBIDDEN_CONTROL.test(text);
}

/**
 * A filter value from the address (?q=…): control characters dropped, trimmed, cut to `max`
 * characters; absent when empty. Never fails, so an odd address still shows the page.
 */
export function queryText(max: number) {
  return z
    .string()
    .optional()
    .transform((value) => value?.replace(ANY_CONTROL, "").trim().slice(0, max) || undefined)
    .catch(undefined);
}
