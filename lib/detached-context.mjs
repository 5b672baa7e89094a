// @ts-check
// Long-lived resources (database sockets, the cache bus's timers) must not be created inside a
// request's async context. Node gives every new async resource the AsyncLocalStorage stores of the
// code that created it, so a pooled database socket first opened while Next was rendering a page
// keeps that request's stores for as long as the socket lives. In Next's stores that is not one
// request: a finished request's aborted cache signal holds an Error whose stack keeps the
// setImmediate entries of that moment, and those entries carry the stores of the requests after it,
// and so on. Under a steady load of staff pages the chain grew without bound (every response,
// request and render context kept: 117 MB of live heap after three 10-second runs of /editor, then
// "JavaScript heap out of memory" at SERVER_HEAP_MB=192).
//
// The cure is to create such resources in the context of the server's start-up, which has no
// request stores: the production server (lib/server/roundup-server.mjs) captures it before it
// serves anything. Without it (tests, scripts, `next dev`) the function simply runs where it is.

import { AsyncResource } from "node:async_hooks";
import pg from "pg";

const KEY = Symbol.for("roundup.startupContext");

/** @returns {((run: () => unknown) => unknown) | undefined} */
function startupRunner() {
  return /** @type {{ [key: symbol]: ((run: () => unknown) => unknown) | undefined }} */ (/** @type {unknown} */ (globalThis))[KEY];
}

/** Remembers the current async context as the one long-lived resources are created in. Call at start-up, before serving. */
export function captureStartupContext() {
  const store = /** @type {{ [key: symbol]: unknown }} */ (/** @type {unknown} */ (globalThis));
  store[KEY] ??= AsyncResource.bind((/** @type {() => unknown} */ run) => run());
}

/**
 * Runs `run` in the start-up context when one was captured, else where it is called.
 * @template T @param {() => T} run @returns {T}
 */
export function runDetached(run) {
  const runner = startupRunner();
  return runner ? /** @type {T} */ (runner(run)) : run();
}

/**
 * node-postgres's Client, connecting in the start-up context: for a pool's `Client` option. Its
 * socket, and the promise pg's protocol parser keeps until the socket ends, then carry no request's
 * stores. A client also keeps its connect callback for as long as it lives (in the closures of its
 * connection's listeners), and a pool's callback leads to the promise of the request that happened to
 * open the connection: so pg is given a relay that lets go of the real callback once it has run.
 * A query's answer still reaches the request that asked: its promise resumes in the caller's context.
 */
export class DetachedClient extends pg.Client {
  /** @param {((error: Error | null | undefined) => void) | undefined} [callback] */
  connect(callback) {
    if (!callback) return runDetached(() => super.connect());
    /** @type {typeof callback | undefined} */
    let pending = callback;
    runDetached(() =>
      super.connect((error) => {
        const done = pending;
        pending = undefined;
        done?.(error);
      }),
    );
  }
}
