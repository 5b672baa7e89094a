import { spawn } from "node:child_process";
import { info } from "./log";

/**
 * Runs a child (next start / next dev) until it exits or we are told to stop; then stops the child
 * first and the database after it, so Ctrl-C never leaves PostgreSQL running.
 */
export function runUntilStopped(command: string[], env: NodeJS.ProcessEnv, cleanup: () => Promise<void>): void {
  const [bin, ...args] = command;
  // Its own process group, so a stop reaches every process it started (npx → next → next-server).
  const child = spawn(bin!, args, { stdio: "inherit", env, detached: true });
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  let stopping = false;

  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (child.exitCode === null) {
      signalGroup("SIGTERM");
      await new Promise((resolve) => {
        const timer = setTimeout(() => {
          signalGroup("SIGKILL");
          resolve(undefined);
        }, 10_000);
        child.once("exit", () => {
          clearTimeout(timer);
          resolve(undefined);
        });
      });
    }
    await cleanup();
    info("stopped");
    process.exit(code);
  };

  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  child.on("exit", (code) => void stop(code ?? 0));
}
