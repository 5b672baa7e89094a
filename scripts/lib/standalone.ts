import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { STANDALONE_DIR, STANDALONE_SERVER } from "./build";
import { StartupError } from "./log";

/** The production server's V8 heap bound by default, in MiB (SERVER_HEAP_MB). */
export const DEFAULT_SERVER_HEAP_MB = 192;
// What the server holds besides its page cache: Next's and React's modules, Prisma and the renders in
// flight. The cache bound (CACHE_MAX_MB) must leave this much of the heap free.
const HEAP_BESIDES_CACHE_MB = 96;

/**
 * Node flags of the production server. V8 grows its old space lazily towards its limit (about 2 GiB
 * and up, from the machine's memory) and collects late, so a server under load kept hundreds of MiB
 * of garbage resident; a bound of its own makes it collect sooner (README "Benchmarks": the
 * measured RSS and throughput with and without).
 */
export function serverNodeOptions(env: Readonly<Record<string, string | undefined>> = process.env): string[] {
  const raw = env.SERVER_HEAP_MB?.trim() || String(DEFAULT_SERVER_HEAP_MB);
  const heap = Number(raw);
  if (!Number.isInteger(heap) || (heap !== 0 && heap < 128)) throw new StartupError(`SERVER_HEAP_MB 必须是 0（使用 Node 的默认值）或不小于 128 的整数（当前为 ${raw}）。`);
  if (heap === 0) return [];
  const cache = Number(env.CACHE_MAX_MB?.trim() || 64);
  if (Number.isFinite(cache) && cache > heap - HEAP_BESIDES_CACHE_MB) {
    throw new StartupError(`CACHE_MAX_MB（${cache}）放不进 SERVER_HEAP_MB（${heap}）：页面缓存之外还需约 ${HEAP_BESIDES_CACHE_MB} MB，请调大 SERVER_HEAP_MB 或调小 CACHE_MAX_MB。`);
  }
  return [`--max-old-space-size=${heap}`];
}

/**
 * The production server's environment: glibc gives every thread that mallocs its own arena (up to
 * 8 per core), and the libuv pool's threads (compression, file reads) each kept one mostly empty;
 * two arenas are plenty for one JavaScript thread. A value set outside wins.
 */
export function serverEnv<E extends Readonly<Record<string, string | undefined>>>(env: E): E & { MALLOC_ARENA_MAX: string } {
  return { MALLOC_ARENA_MAX: "2", ...env } as E & { MALLOC_ARENA_MAX: string };
}

/** The command that runs the production server: node with serverNodeOptions, then the front door's entry. */
export function serverCommand(env: Readonly<Record<string, string | undefined>>): string[] {
  return ["node", ...serverNodeOptions(env), STANDALONE_SERVER];
}

/**
 * Starts the built standalone server (`node .next/standalone/server.js`) on 127.0.0.1:port, in its
 * own process group so that stopServer() reaches everything it started. For benches and tests; npm
 * start runs it through scripts/lib/serve.ts instead.
 */
export function spawnStandalone(port: number, env: NodeJS.ProcessEnv, options: { output?: "ignore" | "inherit"; nodeArgs?: string[] } = {}): ChildProcess {
  // Options such as --cpu-prof are refused in NODE_OPTIONS: they go on the command line.
  const [node, ...args] = serverCommand(env);
  return spawn(node!, [...(options.nodeArgs ?? []), ...args], {
    cwd: STANDALONE_DIR,
    env: {
      ...serverEnv(env),
      NODE_ENV: "production",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      UPLOAD_DIR: path.resolve(env.UPLOAD_DIR?.trim() || ".data/uploads"),
    },
    stdio: options.output ?? "ignore",
    detached: true,
  });
}

/** Resolves once the URL answers 2xx; fails when the server exits or the deadline passes. */
export async function waitForServer(url: string, server: ChildProcess, deadlineMs = 120_000): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error("the server exited during start-up");
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the server did not answer ${url} within ${deadlineMs / 1000} s`);
}

/** SIGTERM to the server's process group; SIGKILL after 10 s. */
export function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null || !server.pid) return Promise.resolve();
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-server.pid!, signal);
    } catch {
      // already gone
    }
  };
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      signalGroup("SIGKILL");
      resolve();
    }, 10_000);
    server.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    signalGroup("SIGTERM");
  });
}
