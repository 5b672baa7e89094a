import { fork, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BALLOT_LIMITS } from "@/lib/data/ballot-limits";
import { BALLOT_ERROR_TEXT } from "@/lib/selection/ballot-errors";
import type { WorkerAnswer, WorkerCommand } from "./support/ballot-limit-worker";
import { requireEnv } from "./support/db";

// The ballot limits must hold across app processes (issue 15): two real OS processes, each with the
// project's limiter over its own pool, hit the same address at the same moments. The parent is the
// barrier: each round it releases both children at once and waits for both answers before the next,
// so every round is a genuine race between the processes on one counter row. With the address limit
// L and more than L attempts in total, exactly L may be accepted.

type Counted = Extract<WorkerAnswer, { type: "counted" }>;

class Worker {
  private readonly waiting = new Map<number, (answer: Counted) => void>();
  readonly ready: Promise<number>;

  constructor(private readonly child: ChildProcess) {
    this.ready = new Promise((resolve, reject) => {
      child.once("error", reject);
      child.once("exit", (code) => reject(new Error(`worker exited early (${code})`)));
      child.on("message", (message: WorkerAnswer) => {
        if (message.type === "ready") resolve(message.pid);
        else this.waiting.get(message.round)?.(message);
      });
    });
  }

  count(round: number, address: string): Promise<Counted> {
    return new Promise((resolve) => {
      this.waiting.set(round, resolve);
      const command: WorkerCommand = { type: "count", round, address };
      this.child.send(command);
    });
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      this.child.removeAllListeners("exit");
      this.child.once("exit", () => resolve());
      const command: WorkerCommand = { type: "stop" };
      this.child.send(command);
    });
  }
}

function startWorker(): Worker {
  const child = fork(path.join(__dirname, "support/ballot-limit-worker.ts"), [], {
    // tsx for TypeScript and the "@/" paths; react-server so lib/data's `server-only` guard lets it load.
    execArgv: ["--conditions=react-server", "--import", "tsx"],
    env: { ...process.env, DATABASE_URL: requireEnv("DATABASE_URL") },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Worker(child);
}

describe("ballot limits across two app processes", () => {
  const workers: Worker[] = [];

  beforeAll(async () => {
    workers.push(startWorker(), startWorker());
    await Promise.all(workers.map((worker) => worker.ready));
  });
  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
  });

  it("accepts exactly the address limit in total when two processes race on one address", async () => {
    const pids = await Promise.all(workers.map((worker) => worker.ready));
    expect(new Set([...pids, process.pid]).size).toBe(3);

    // Its own /16, so the burst never flags another test's ballots.
    const address = `198.18.${crypto.randomInt(0, 255)}.${crypto.randomInt(1, 250)}`;
    const limit = BALLOT_LIMITS.address.refuseAfter;
    const rounds = limit / 2 + 5;
    const answers: Counted[] = [];
    for (let round = 0; round < rounds; round++) {
      // Both released together; the next round starts only once both have answered.
      answers.push(...(await Promise.all(workers.map((worker) => worker.count(round, address)))));
    }

    const accepted = answers.filter((answer) => answer.accepted);
    const refused = answers.filter((answer) => !answer.accepted);
    expect(accepted).toHaveLength(limit);
    expect(refused).toHaveLength(2 * rounds - limit);
    for (const answer of refused) expect(answer).toMatchObject({ code: "RATE_LIMITED", message: BALLOT_ERROR_TEXT.rateLimited });
    // Both processes had ballots accepted and refused: the count is one shared count, not one per process.
    for (const pid of pids) {
      expect(accepted.some((answer) => answer.pid === pid)).toBe(true);
      expect(refused.some((answer) => answer.pid === pid)).toBe(true);
    }
    // Each accepted ballot got a distinct place in the shared count: exactly those past the flag
    // threshold are flagged as an address burst.
    const flagged = accepted.filter((answer) => answer.accepted && answer.flags.includes("address_burst"));
    expect(flagged).toHaveLength(limit - BALLOT_LIMITS.address.flagAfter);
  });
});
