// One place for the way scripts talk to the person at the terminal.

export class StartupError extends Error {
  override name = "StartupError";
}

export function info(message: string): void {
  process.stdout.write(`[roundup] ${message}\n`);
}

/** Prints one clear line for an expected start-up failure and exits; anything else keeps its stack. */
export function exitOnStartupError(error: unknown): never {
  if (error instanceof StartupError) {
    process.stderr.write(`[roundup] 错误: ${error.message}\n`);
  } else {
    process.stderr.write(`[roundup] unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
}
