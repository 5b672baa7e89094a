import "server-only";
import { isUniqueViolation } from "@/lib/errors";

// Slugs are chosen by looking for a free one and then inserting it; two writers choosing at the same
// moment both see the same free slug, and the unique index refuses the second. The loser's whole
// transaction is rolled back (PostgreSQL aborts it), so it is run again from the start, when the
// winner's slug is visible and the next one is chosen. Each round at least one writer succeeds, so
// ATTEMPTS writers at once all get through.

const ATTEMPTS = 12;

export async function retryOnUniqueViolation<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= ATTEMPTS || !isUniqueViolation(error)) throw error;
    }
  }
}
