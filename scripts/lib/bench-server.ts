import { spawn, type ChildProcess } from "node:child_process";

// The production server for the benchmarks: `next start` in its own process group, stopped with it.

export async function waitForServer(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error("the server exited during start-up");
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`the server did not answer ${url} within 2 minutes`);
}

/** Starts `next start` on the port and resolves once /api/health answers 200. */
export async function startBenchServer(port: number, env: NodeJS.ProcessEnv, options: { logFile?: number } = {}): Promise<ChildProcess> {
  const stdio = options.logFile === undefined ? "ignore" : (["ignore", options.logFile, options.logFile] as const);
  const child = spawn("npx", ["--no-install", "next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...env, NODE_ENV: "production" },
    stdio: typeof stdio === "string" ? stdio : [...stdio],
    detached: true,
  });
  await waitForServer(`http://127.0.0.1:${port}/api/health`, child);
  return child;
}

export function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || !server.pid) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      try {
        process.kill(-server.pid!, "SIGKILL");
      } catch {
        // already gone
      }
      resolve();
    }, 10_000);
    server.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      resolve();
    }
  });
}
