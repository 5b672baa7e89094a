// A child process for the two-process limit test (tests/integration/ballot-limits-processes.test.ts):
// it builds the project's ballot limiter over its own connection pool, like an app process does, and
// counts one ballot whenever the parent tells it to. The parent drives both children round by round
// (a barrier), so their attempts on the same key really run at the same time in two OS processes.
import pg from "pg";
import { createBallotLimits } from "@/lib/data/ballot-limits";
import { AppError } from "@/lib/errors";

export type WorkerCommand = { type: "count"; round: number; address: string } | { type: "stop" };
export type WorkerAnswer =
  | { type: "ready"; pid: number }
  | { type: "counted"; round: number; pid: number; accepted: true; flags: string[] }
  | { type: "counted"; round: number; pid: number; accepted: false; code: string; message: string };

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is not set");
const pool = new pg.Pool({ connectionString: url, max: 2 });
const limits = createBallotLimits(pool);

function answer(message: WorkerAnswer) {
  process.send?.(message);
}

process.on("message", (command: WorkerCommand) => {
  if (command.type === "stop") {
    void pool.end().then(() => process.disconnect());
    return;
  }
  limits.count(command.address).then(
    (flags) => answer({ type: "counted", round: command.round, pid: process.pid, accepted: true, flags }),
    (error: unknown) =>
      answer({
        type: "counted",
        round: command.round,
        pid: process.pid,
        accepted: false,
        code: error instanceof AppError ? error.code : "UNEXPECTED",
        message: error instanceof Error ? error.message : String(error),
      }),
  );
});

answer({ type: "ready", pid: process.pid });
