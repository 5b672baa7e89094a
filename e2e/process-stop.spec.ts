import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { findFreePort } from "../scripts/lib/ports";

// What a supervisor does: start `npm start` in its own process group (on a throwaway data folder and
// a free port, with the embedded PostgreSQL), then signal the whole group. Each signal must stop
// the web server and PostgreSQL, leaving nothing on the port and no postmaster.pid.

test.describe.configure({ timeout: 300_000 });

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

test("npm start stops completely on SIGTERM, SIGINT or SIGHUP to its process group", async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "roundup-stop-"));
  // The embedded PostgreSQL runs as its own system user when we are root: it must reach its folder.
  fs.chmodSync(dataDir, 0o755);
  const port = await findFreePort();
  const pidFile = path.join(dataDir, "postgres", "postmaster.pid");
  const env: NodeJS.ProcessEnv = { ...process.env, ROUNDUP_DATA_DIR: dataDir, UPLOAD_DIR: path.join(dataDir, "uploads"), PORT: String(port), SITE_URL: "" };
  // The embedded database and a generated secret, as on a fresh clone.
  delete env.DATABASE_URL;
  delete env.AUTH_SECRET;
  try {
    for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"] as const) {
      await test.step(signal, async () => {
        const npm = spawn("npm", ["start", "--", "--skip-build"], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
        const group = npm.pid!;
        let output = "";
        npm.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
        npm.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
        try {
          await expect.poll(() => answers(`http://127.0.0.1:${port}/api/health`), { timeout: 180_000, intervals: [250] }).toBe(true);
          expect(fs.existsSync(pidFile)).toBe(true);
          process.kill(-group, signal);
          // A supervisor waits about 10 s before it kills: everything must be down by then.
          await expect
            .poll(async () => ({ listening: await listening(port), postmasterPid: fs.existsSync(pidFile) }), { timeout: 10_000, intervals: [100] })
            .toEqual({ listening: false, postmasterPid: false });
          // The orderly path ran to its end (server first, then the database), not a hard exit on the way.
          await expect.poll(() => output, { timeout: 10_000 }).toContain("[roundup] stopped");
          expect(output).toContain(`[roundup] ${signal}: stopping the web server`);
        } finally {
          try {
            process.kill(-group, "SIGKILL");
          } catch {
            // the group is gone, as it should be
          }
        }
      });
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
