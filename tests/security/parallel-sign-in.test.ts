import { fork, type ChildProcess } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { SIGN_IN_LIMITS } from "@/lib/data/throttle";
import { createUser } from "../integration/support/fixtures";
import { uniqueId } from "../integration/support/db";

// Issue 9 item 4: 30 parallel wrong passwords for one account from one address, split over two
// app processes on one database. Before the fix 24 of them reached the password check (limit 5).
// "Checked" is counted twice, independently: the answers that said "wrong password" (only a check
// can say that) and the failed sign-ins in the audit log.

const WORKER = path.resolve(__dirname, "support/sign-in-worker.ts");
const PROCESSES = 2;
const GUESSES_EACH = 15;

function startWorker(): Promise<ChildProcess> {
  const child = fork(WORKER, [], { execArgv: ["--import", "tsx", "--conditions=react-server"], env: process.env, stdio: ["ignore", "inherit", "inherit", "ipc"] });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`sign-in worker exited early (${code})`)));
    child.once("message", (message: { type?: string }) => (message.type === "ready" ? resolve(child) : reject(new Error("unexpected message"))));
  });
}

function outcomesOf(child: ChildProcess): Promise<string[]> {
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`sign-in worker exited before answering (${code})`)));
    child.on("message", (message: { type?: string; outcomes?: string[] }) => {
      if (message.type === "done" && message.outcomes) resolve(message.outcomes);
    });
  });
}

describe("parallel password guesses across two app processes", () => {
  afterAll(async () => {
    await db.$disconnect();
  });

  it(`checks at most ${SIGN_IN_LIMITS.perAccountAddress} of ${PROCESSES * GUESSES_EACH} simultaneous guesses`, async () => {
    const user = await createUser(db, { role: "ADMIN", password: "the real admin password" });
    const address = `203.0.113.${Math.floor(Math.random() * 250)}-${uniqueId("burst")}`;
    const workers = await Promise.all(Array.from({ length: PROCESSES }, startWorker));
    const answers = workers.map(outcomesOf);
    // The barrier: every worker is loaded and connected; release them together.
    for (const worker of workers) worker.send({ type: "go", email: user.email, address, guesses: GUESSES_EACH });
    const outcomes = (await Promise.all(answers)).flat();

    const checked = outcomes.filter((outcome) => outcome === "邮箱或密码不正确。").length;
    const refused = outcomes.filter((outcome) => outcome.startsWith("登录失败次数过多")).length;
    const audited = await db.auditEvent.count({ where: { entityId: user.id, action: "auth.login_failed" } });
    console.info(`[hostile] parallel guesses fired: ${outcomes.length} over ${PROCESSES} processes, checked: ${checked} (limit ${SIGN_IN_LIMITS.perAccountAddress}), refused unchecked: ${refused}; load average ${os.loadavg().map((n) => n.toFixed(2)).join(" ")}`);

    expect(outcomes).toHaveLength(PROCESSES * GUESSES_EACH);
    expect(checked + refused).toBe(outcomes.length);
    expect(checked).toBeLessThanOrEqual(SIGN_IN_LIMITS.perAccountAddress);
    expect(audited).toBe(checked);
  });
});
