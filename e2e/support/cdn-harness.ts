import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { findFreePort } from "../../scripts/lib/ports";
import { waitFor, type Running } from "./servers";

// A real Varnish (deploy/varnish/roundup.vcl, with the xkey module) on a free port, for the CDN spec.

const VCL = fileURLToPath(new URL("../../deploy/varnish/roundup.vcl", import.meta.url));

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
