import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { STANDALONE_DIR, STANDALONE_SERVER } from "./build";

/**
 * Starts the built standalone server (`node .next/standalone/server.js`) on 127.0.0.1:port, in its
 * own process group so that stopServer() reaches everything it started. For benches and tests; npm
 * start runs it through scripts/lib/serve.ts instead.
 */
export function spawnStandalone(port: number, env: NodeJS.ProcessEnv, options: { output?: "ignore" | "inherit"; nodeArgs?: string[] } = {}): ChildProcess {
  // Options such as --cpu-prof are refused in NODE_OPTIONS: they go on the command line.
  return spawn("node", [...(options.nodeArgs ?? []), STANDALONE_SERVER], {
    cwd: STANDALONE_DIR,
    env: {
      ...env,
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
