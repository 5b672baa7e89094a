import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { findFreePort } from "../../scripts/lib/ports";

// What the CDN spec runs: a real Varnish (deploy/varnish/roundup.vcl, with the xkey module) on a free
// port in front of a production server of its own, which purges that Varnish (CDN_PURGE_URL).

const VCL = fileURLToPath(new URL("../../deploy/varnish/roundup.vcl", import.meta.url));

async function waitFor(check: () => Promise<boolean>, what: string, timeout = 120_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${what} did not come up within ${timeout / 1000} s`);
}

export type Running = { url: string; port: number; stop: () => Promise<void> };

/** varnishd with the repository's VCL, its backend pointed at the given port. */
export async function startVarnish(backendPort: number): Promise<Running> {
  if (spawnSync("varnishd", ["-V"]).status !== 0) {
    throw new Error("varnishd not found: install Debian's varnish and varnish-modules (apt-get install varnish varnish-modules; .ci/run does)");
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "roundup-varnish-"));
  // varnishd drops to its own user: it must be able to read the VCL and work in the folder.
  fs.chmodSync(dir, 0o755);
  const vcl = path.join(dir, "roundup.vcl");
  fs.writeFileSync(vcl, fs.readFileSync(VCL, "utf8").replace(/\.port = "\d+";/, `.port = "${backendPort}";`));
  const port = await findFreePort();
  const pidFile = path.join(dir, "varnishd.pid");
  const started = spawnSync("varnishd", ["-a", `127.0.0.1:${port}`, "-f", vcl, "-n", path.join(dir, "work"), "-P", pidFile, "-s", "malloc,32m"], { encoding: "utf8" });
  if (started.status !== 0) throw new Error(`varnishd failed to start: ${started.stderr || started.stdout}`);
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    const pid = Number(fs.readFileSync(pidFile, "utf8").trim());
    try {
      process.kill(pid, "SIGTERM");
    } catch {
      // already gone
    }
    await waitFor(async () => !isAlive(pid), "Varnish's exit", 15_000).catch(() => process.kill(pid, "SIGKILL"));
    fs.rmSync(dir, { recursive: true, force: true });
  };
  // A purge of no key is answered by the VCL itself: Varnish is up even before its backend is.
  await waitFor(async () => (await fetch(url, { method: "PURGE", headers: { "xkey-purge": "none" } })).ok, "Varnish").catch(async (error) => {
    await stop();
    throw error;
  });
  return { url, port, stop };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** `next start` on the port, on the e2e database, with extra environment. */
export async function startAppServer(port: number, env: Record<string, string>): Promise<Running> {
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn("npx", ["--no-install", "next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", SITE_URL: url, NEXTAUTH_URL: url, ...env },
    stdio: "ignore",
    detached: true,
  });
  await waitFor(async () => (await fetch(`${url}/api/health`)).ok, "the app server");
  return {
    url,
    port,
    stop: async () => {
      if (child.exitCode !== null || !child.pid) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      process.kill(-child.pid, "SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
      if (child.exitCode === null) process.kill(-child.pid, "SIGKILL");
    },
  };
}
