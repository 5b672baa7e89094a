// @ts-check
// The production server: Next's standalone server.js with the front door (front-door.mjs) before its
// request handler. npm start, npm run serve, the tests, the benches and the Docker image run this
// file from .next/standalone/lib/server/ (next.config.js lists it among the files the standalone
// output carries).
//
// Next's standalone start-up (start-server.js) creates its HTTP server with http.createServer and
// keeps everything else to itself: listening, keep-alive, the graceful stop on SIGTERM, the "Ready"
// line. Rather than copy that, this wraps the one listener it creates, so all of it stays Next's.
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { releaseCompletedRenderStacks } from "./completed-render-stacks.mjs";
import { captureStartupContext } from "../detached-context.mjs";
import { frontDoor } from "./front-door.mjs";

// Before anything is served: the context that database sockets and timers are opened in, and the
// workaround that keeps finished renders from being kept (each module says why).
captureStartupContext();
releaseCompletedRenderStacks();

const standaloneDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const createServer = http.createServer;

/** @type {(...args: unknown[]) => http.Server} */
const withFrontDoor = (...args) => {
  http.createServer = createServer;
  const listenerAt = args.findIndex((arg) => typeof arg === "function");
  if (listenerAt === -1) throw new Error("roundup-server: Next created its server without a request listener");
  args[listenerAt] = frontDoor(/** @type {http.RequestListener} */ (args[listenerAt]));
  return Reflect.apply(createServer, http, args);
};
http.createServer = /** @type {typeof http.createServer} */ (/** @type {unknown} */ (withFrontDoor));

await import(path.join(standaloneDir, "server.js"));
