// The staff header's inbox badges count at most INBOX_COUNT_CAP stories each: a badge needs no exact
// 4 000, and counting one read every matching row on every staff page view (lib/data/inbox.ts).

export const INBOX_COUNT_CAP = 100;

/** A badge's text: the count, or "99+" once the bounded count reaches its cap. */
export function formatInboxCount(count: number): string {
  return count >= INBOX_COUNT_CAP ? `${INBOX_COUNT_CAP - 1}+` : String(count);
}
