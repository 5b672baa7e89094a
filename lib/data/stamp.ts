import "server-only";
import { createHash } from "node:crypto";

/**
 * A short digest of the fields a form edits, as stored. The form sends back the one it loaded: a save
 * whose digest no longer matches was based on values someone else has changed since. A row's version
 * can't serve where other changes made from the same page (a roundup's items, a selection's
 * candidates) bump it while the form stays as it is.
 */
export function stampOf(fields: readonly unknown[]): string {
  return createHash("sha256").update(JSON.stringify(fields)).digest("base64url").slice(0, 22);
}
