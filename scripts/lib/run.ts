import { spawn } from "node:child_process";
import { info } from "./log";

/** Runs one step of a script, echoing its output; resolves with its exit code. */
export function runStep(label: string, command: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  info(`── ${label}: ${command.join(" ")}`);
  const [bin, ...args] = command;
  return new Promise((resolve) => {
    const child = spawn(bin!, args, { stdio: "inherit", env });
    child.on("error", () => resolve(127));
    child.on("close", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
