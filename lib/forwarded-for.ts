import http from "node:http";

// With no trusted proxy in front (TRUST_PROXY unset), an X-Forwarded-For header can only have come
// from the client, who may write anything in it, and Next.js keeps it: it only fills the header with
// the connection's address when the request has none (`x-forwarded-for ??= socket.remoteAddress`).
// Dropping the client's header before Next reads the request makes Next write the real address, so
// the per-address sign-in limits (lib/data/throttle.ts) count addresses a client can't choose.
// Patched on the prototype because the standalone server creates its http.Server itself; installed
// once, from instrumentation.ts, before the server handles requests.

type Emit = (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
const INSTALLED = Symbol.for("roundup.dropClientForwardedFor");

export function dropClientForwardedFor(): void {
  const prototype = http.Server.prototype as unknown as { emit: Emit; [INSTALLED]?: true };
  if (prototype[INSTALLED]) return;
  const emit = prototype.emit;
  prototype.emit = function (this: http.Server, event, ...args) {
    if (event === "request") delete (args[0] as http.IncomingMessage).headers["x-forwarded-for"];
    return emit.call(this, event, ...args);
  };
  prototype[INSTALLED] = true;
}
