// One save queue per story editor. Autosave and the 保存 button both write the story with the
// optimistic-lock version they start from; run side by side they would send the same base version and
// the second would "conflict" with the writer's own first save. Here saves run one at a time, each
// starting from the version the previous one returned, and a save that is still waiting to start is
// dropped when a newer one covers it (a waiting autosave, by any later save).

export type SaveKind = "auto" | "manual";

type Entry = { kind: SaveKind; superseded: boolean };

export class SaveQueue<R> {
  private version: number;
  private tail: Promise<unknown> = Promise.resolve();
  private waiting: Entry[] = [];
  private current: SaveKind | null = null;

  /** versionOf: the new lock version a result carries, or null when the save didn't write (conflict, error). */
  constructor(
    version: number,
    private readonly versionOf: (result: R) => number | null,
  ) {
    this.version = version;
  }

  /** The version the next save will name. */
  get baseVersion(): number {
    return this.version;
  }

  /** The kind of save in flight, if any. */
  get running(): SaveKind | null {
    return this.current;
  }

  /** After a conflict the writer chose to build on the other person's version. */
  setBaseVersion(version: number): void {
    this.version = version;
  }

  /**
   * Runs job after every save queued before it, with the base version they left behind. Resolves to
   * the job's result, or null when a newer save superseded it before it started.
   */
  run(kind: SaveKind, job: (baseVersion: number) => Promise<R>): Promise<R | null> {
    for (const entry of this.waiting) if (entry.kind === "auto") entry.superseded = true;
    const entry: Entry = { kind, superseded: false };
    this.waiting.push(entry);
    const result = this.tail.then(async () => {
      this.waiting = this.waiting.filter((other) => other !== entry);
      if (entry.superseded) return null;
      this.current = kind;
      try {
        const outcome = await job(this.version);
        const next = this.versionOf(outcome);
        if (next !== null) this.version = next;
        return outcome;
      } finally {
        this.current = null;
      }
    });
    // A failed save (network) must not stop the ones after it.
    this.tail = result.catch(() => undefined);
    return result;
  }
}
