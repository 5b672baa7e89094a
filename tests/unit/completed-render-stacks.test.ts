import vm from "node:vm";
import v8 from "node:v8";
import { beforeAll, describe, expect, it } from "vitest";
import { COMPLETED_RENDER_MESSAGE, releaseCompletedRenderStacks } from "@/lib/server/completed-render-stacks.mjs";

v8.setFlagsFromString("--expose-gc");
const collectGarbage = vm.runInNewContext("gc") as () => void;

/**
 * Aborts a controller with an Error made inside a method of a large object, as React does inside a
 * setImmediate entry, and says whether that object could be collected while the signal lives on.
 */
async function receiverReleased(message: string): Promise<{ released: boolean; controller: AbortController }> {
  const controller = new AbortController();
  let receiver: { payload: number[]; finish(): void } | null = {
    payload: new Array(100_000).fill(7),
    finish() {
      controller.abort(new Error(message));
    },
  };
  const ref = new WeakRef(receiver);
  receiver.finish();
  receiver = null;
  await new Promise((resolve) => setImmediate(resolve));
  collectGarbage();
  return { released: ref.deref() === undefined, controller };
}

describe("React's render-completed abort reason", () => {
  beforeAll(() => releaseCompletedRenderStacks());

  it("no longer keeps the frames that created it once the signal is aborted", async () => {
    const { released, controller } = await receiverReleased(`${COMPLETED_RENDER_MESSAGE} to allow clean up of any unused resources.`);
    expect(released).toBe(true);
    // Aborting is otherwise unchanged: the signal is aborted with that very Error, whose stack reads as usual.
    expect(controller.signal.aborted).toBe(true);
    expect((controller.signal.reason as Error).message).toContain("This render completed successfully");
    expect((controller.signal.reason as Error).stack).toContain("finish");
  });

  it("leaves every other abort reason alone (its frames stay until someone reads the stack)", async () => {
    const { released, controller } = await receiverReleased("The render was aborted due to a fatal error.");
    expect(released).toBe(false);
    expect(controller.signal.reason).toBeInstanceOf(Error);
  });

  it("installs once, however many times it is called", () => {
    const abort = AbortController.prototype.abort;
    releaseCompletedRenderStacks();
    expect(AbortController.prototype.abort).toBe(abort);
  });
});
