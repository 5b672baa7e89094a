import net from "node:net";
import { setTimeout as pause } from "node:timers/promises";
import { findFreePort } from "../../scripts/lib/ports";
import { spawnStandalone, stopServer, waitForServer } from "../../scripts/lib/standalone";

// Extra servers for the specs that need a production server of their own (behind Varnish, or cut off
// from its database), next to the one playwright.config.ts starts for everybody.

export type Running = { url: string; port: number; stop: () => Promise<void> };

export async function waitFor(check: () => Promise<boolean>, what: string, timeout = 120_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    // The interval between two checks of the condition, not a wait for time to pass.
    await pause(200);
  }
  throw new Error(`${what} did not come up within ${timeout / 1000} s`);
}

/** The standalone production server on the port, on the e2e database, with extra environment. */
export async function startAppServer(port: number, env: Record<string, string>): Promise<Running> {
  const url = `http://127.0.0.1:${port}`;
  const child = spawnStandalone(port, { ...process.env, NEXT_TELEMETRY_DISABLED: "1", SITE_URL: url, NEXTAUTH_URL: url, ...env });
  await waitForServer(`${url}/api/health`, child);
  return { url, port, stop: () => stopServer(child) };
}

/**
 * A TCP relay to the e2e database that can be cut: while it is down, open connections are reset and
 * new ones refused, as when PostgreSQL is stopped; only the server behind it loses its database, so
 * the other specs' server is untouched.
 */
export async function startDatabaseRelay(databaseUrl: string) {
  const target = new URL(databaseUrl);
  const port = await findFreePort();
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const created = net.createServer((client) => {
        const upstream = net.connect(Number(target.port), target.hostname);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on("close", () => sockets.delete(socket));
          socket.on("error", () => {
            client.destroy();
            upstream.destroy();
          });
        }
        client.pipe(upstream).pipe(client);
      });
      created.once("error", reject);
      created.listen(port, "127.0.0.1", () => {
        server = created;
        resolve();
      });
    });
  const cut = async () => {
    const closing = server;
    server = null;
    for (const socket of sockets) socket.resetAndDestroy();
    await new Promise<void>((resolve) => (closing ? closing.close(() => resolve()) : resolve()));
  };
  await listen();
  const url = new URL(databaseUrl);
  url.host = `127.0.0.1:${port}`;
  return { url: url.toString(), down: cut, up: listen, stop: cut };
}
