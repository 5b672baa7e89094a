import { describe, expect, it } from "vitest";
import { SaveQueue } from "@/lib/editor/save-queue";

type Result = { ok: boolean; version?: number };

/** A save whose answer the test gives when it chooses: forces the interleavings. */
function gate() {
  let open!: (result: Result) => void;
  const answer = new Promise<Result>((resolve) => (open = resolve));
  const calls: number[] = [];
  const job = (baseVersion: number) => {
    calls.push(baseVersion);
    return answer;
  };
  return { job, open, calls };
}

/** Lets every promise callback that is ready run (no timers involved). */
const settle = () => new Promise((resolve) => setImmediate(resolve));

const versionOf = (result: Result) => (result.ok && result.version !== undefined ? result.version : null);

describe("editor save queue", () => {
  it("runs a manual save only after the autosave in flight, on the version that autosave returned", async () => {
    const queue = new SaveQueue<Result>(7, versionOf);
    const auto = gate();
    const manual = gate();
    const autoDone = queue.run("auto", auto.job);
    await settle();
    expect(auto.calls).toEqual([7]);
    expect(queue.running).toBe("auto");
    const manualDone = queue.run("manual", manual.job);
    await settle();
    // The manual save has not been sent while the autosave is out.
    expect(manual.calls).toEqual([]);

    auto.open({ ok: true, version: 8 });
    expect(await autoDone).toEqual({ ok: true, version: 8 });
    await settle();
    expect(manual.calls).toEqual([8]);
    manual.open({ ok: true, version: 9 });
    expect(await manualDone).toEqual({ ok: true, version: 9 });
    expect(queue.baseVersion).toBe(9);
    expect(queue.running).toBeNull();
  });

  it("drops an autosave still waiting when a manual save comes, and an older waiting autosave for a newer one", async () => {
    const queue = new SaveQueue<Result>(1, versionOf);
    const first = gate();
    const waitingAuto = gate();
    const laterAuto = gate();
    const manual = gate();
    const firstDone = queue.run("manual", first.job);
    const waitingDone = queue.run("auto", waitingAuto.job);
    const laterDone = queue.run("auto", laterAuto.job);
    const manualDone = queue.run("manual", manual.job);
    first.open({ ok: true, version: 2 });
    await firstDone;
    expect(await waitingDone).toBeNull();
    expect(await laterDone).toBeNull();
    await settle();
    expect(manual.calls).toEqual([2]);
    manual.open({ ok: true, version: 3 });
    await manualDone;
    expect(waitingAuto.calls).toEqual([]);
    expect(laterAuto.calls).toEqual([]);
  });

  it("keeps the version after a refused save, and carries on after a failed one", async () => {
    const queue = new SaveQueue<Result>(4, versionOf);
    await queue.run("auto", async () => ({ ok: false }));
    expect(queue.baseVersion).toBe(4);
    await expect(queue.run("manual", async () => Promise.reject(new Error("offline")))).rejects.toThrow("offline");
    const next = await queue.run("manual", async (base) => ({ ok: true, version: base + 1 }));
    expect(next).toEqual({ ok: true, version: 5 });
    queue.setBaseVersion(11);
    expect(queue.baseVersion).toBe(11);
  });
});
