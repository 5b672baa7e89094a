// @ts-check
// A workaround for a memory leak in the React server renderer that Next 16 bundles (react/react
// issue #37288, fix proposed in pull request #37289, not released as of Next 16.4): at the end of
// every successful render React aborts the render's cache signal with a new Error("This render
// completed successfully…"), kept as the signal's reason. Until an Error's stack is read, V8 keeps
// the captured call sites, receivers included; one receiver is a setImmediate entry, which links to
// the other entries run in the same turn and the request contexts they carry, whose renders hold
// their own such Errors, and so on. One request kept anywhere (a module loaded while it ran, a pooled
// database connection it opened) then keeps every later render: /editor under load reached 182 MB
// of live heap and "JavaScript heap out of memory" at SERVER_HEAP_MB=192 within a minute and a half.
//
// Reading the stack turns the call sites into a string, which lets them go. So the production server
// (roundup-server.mjs) reads it at the moment of the abort, for that one message only; everything
// else about aborting is unchanged.

export const COMPLETED_RENDER_MESSAGE = "This render completed successfully. All cacheSignals are now aborted";

const INSTALLED = Symbol.for("roundup.completedRenderStacks");

/** Makes AbortController#abort format the stack of React's render-completed reason. Idempotent. */
export function releaseCompletedRenderStacks() {
  const prototype = /** @type {AbortController & { [INSTALLED]?: true }} */ (AbortController.prototype);
  if (prototype[INSTALLED]) return;
  const abort = prototype.abort;
  /** @this {AbortController} @param {unknown} [reason] */
  prototype.abort = function (reason) {
    if (reason instanceof Error && reason.message.startsWith(COMPLETED_RENDER_MESSAGE)) void reason.stack;
    return Reflect.apply(abort, this, arguments);
  };
  prototype[INSTALLED] = true;
}
