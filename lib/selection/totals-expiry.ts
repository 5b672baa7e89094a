// Running totals are counted by query and cached; a hot vote must not recount per ballot. Each
// ballot asks for its selection's totals to expire, and this lets at most one expiry through per
// TOTALS_EXPIRY_MS per selection and process: the first ballot after a quiet spell expires them at
// once, later ones within the interval schedule one trailing expiry at its end, so the last ballot
// is always reflected within the interval. With N processes that is at most N expiries per interval.

export const TOTALS_EXPIRY_MS = 5_000;

export class TotalsExpiry {
  private readonly last = new Map<string, number>();
  private readonly pending = new Set<string>();

  constructor(
    private readonly expire: (slug: string) => void,
    private readonly intervalMs = TOTALS_EXPIRY_MS,
    private readonly clock: () => number = Date.now,
    private readonly schedule: (run: () => void, ms: number) => void = (run, ms) => setTimeout(run, ms).unref(),
  ) {}

  /** A ballot for this selection arrived. */
  noteBallot(slug: string): void {
    const now = this.clock();
    const since = now - (this.last.get(slug) ?? -Infinity);
    if (since >= this.intervalMs) {
      this.last.set(slug, now);
      this.expire(slug);
      return;
    }
    if (this.pending.has(slug)) return;
    this.pending.add(slug);
    this.schedule(() => {
      this.pending.delete(slug);
      this.last.set(slug, this.clock());
      this.expire(slug);
    }, this.intervalMs - since);
  }
}
