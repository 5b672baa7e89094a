import net from "node:net";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { announceExpiredTags } from "@/lib/data/cache-announce";
import { CacheBus, type BusOptions } from "@/lib/cache/cache-bus.mjs";
import { BUS_DOWN_FRESH_MS, CacheNode } from "@/lib/cache/cache-node.mjs";
import * as workflow from "@/lib/data/story-workflow";
import { createActor, removeContentOf } from "./support/actors";
import { createStory } from "./support/fixtures";
import { requireEnv, uniqueId } from "./support/db";

// Nodes with their own buses stand in for app processes on one database.

const until = (check: () => boolean, what: string, timeout = 10_000) =>
  vi.waitFor(
    () => {
      if (!check()) throw new Error(`not reached in time: ${what}`);
    },
    { timeout, interval: 20 },
  );

/** A TCP relay to PostgreSQL that can go silent without closing: a half-open connection. */
async function startRelay(target: URL) {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    sockets.add(client).add(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on("error", close).on("close", close);
    upstream.on("error", close).on("close", close);
    client.on("close", () => sockets.delete(client));
    upstream.on("close", () => sockets.delete(upstream));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  const url = new URL(target);
  url.host = `127.0.0.1:${port}`;
  return {
    url: url.toString(),
    /** Existing connections stop passing bytes, new ones still work. */
    freeze: () => {
      for (const socket of sockets) socket.unpipe().pause();
    },
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe("cache bus", () => {
  const buses: CacheBus[] = [];
  const process = (options: Partial<BusOptions> = {}) => {
    const node = new CacheNode();
    const bus = new CacheBus({ url: requireEnv("DATABASE_URL"), node, ...options });
    buses.push(bus);
    return { node, bus };
  };
  let editor: Awaited<ReturnType<typeof createActor>>;

  beforeAll(async () => {
    editor = await createActor(db, "EDITOR");
  });
  afterEach(async () => {
    await Promise.all(buses.splice(0).map((bus) => bus.close()));
  });
  afterAll(async () => {
    await removeContentOf(db, [editor]);
    await db.$disconnect();
  });

  it("a committed change expires the entries with its tags in every process, and only those", async () => {
    const [a, b] = [process(), process()];
    await Promise.all([a.bus.start(), b.bus.start()]);
    const tag = `story:${uniqueId()}`;
    for (const { node } of [a, b]) {
      node.write("page", "<html>story</html>", [tag, "elsewhere"], undefined, {});
      node.write("other", "<html>other</html>", ["story:other"], undefined, {});
    }
    await db.$transaction((tx) => announceExpiredTags(tx, [tag]));
    await until(() => a.node.read("page") === null && b.node.read("page") === null, "both processes expire the page");
    expect(b.node.read("other")).toMatchObject({ fresh: true, entry: { value: "<html>other</html>" } });
  });

  it("a rolled-back change notifies nobody", async () => {
    const { node, bus } = process();
    await bus.start();
    const [rolledBack, marker] = [`story:${uniqueId()}`, `story:${uniqueId()}`];
    node.write("page", "html", [rolledBack], undefined, {});
    node.write("marker", "html", [marker], undefined, {});
    await expect(
      db.$transaction(async (tx) => {
        await announceExpiredTags(tx, [rolledBack]);
        throw new Error("the write fails after announcing");
      }),
    ).rejects.toThrow("the write fails");
    // Notices arrive in commit order: once a later one is here, an earlier one would have been too.
    await db.$transaction((tx) => announceExpiredTags(tx, [marker]));
    await until(() => node.read("marker") === null, "the marker notice arrives");
    expect(node.expired.has(rolledBack)).toBe(false);
    expect(node.read("page")?.fresh).toBe(true);
  });

  it("a publish through the data layer announces the story's tags itself", async () => {
    const { node, bus } = process();
    await bus.start();
    const story = await createStory(db, editor.id, { status: "IN_REVIEW" });
    await workflow.transitionStory(editor, { id: story.id, action: "publish", publishAt: null });
    await until(() => node.expired.has(`story:${story.slug}`), "the publish notice arrives");
    expect(node.expired.has("home")).toBe(true);
  });

  it("a scheduled story expires the pages showing it when its time comes, without any notice", async () => {
    const { node, bus } = process();
    await bus.start();
    const at = new Date(Date.now() + 60_000);
    const story = await createStory(db, editor.id, { status: "SCHEDULED", publishedAt: at });
    // The database trigger announces the schedule change; the node reloads the go-live times.
    await until(() => node.goLive.has(`story:${story.slug}`), "the go-live time is loaded");
    node.write("home-page", "home", ["home"], undefined, {}, Date.now());
    expect(node.read("home-page", [], at.getTime() - 1)?.fresh).toBe(true);
    expect(node.read("home-page", [], at.getTime() + 1)).toBeNull();
  });

  it("after its connection is killed it reconnects, keeping its entries but treating them as unverified", async () => {
    const { node, bus } = process({ reconnectMs: 50 });
    await bus.start();
    node.write("page", "html", ["home"], undefined, {});
    const connectedAt = node.verifiedSince;
    const admin = new pg.Client({ connectionString: requireEnv("DATABASE_URL") });
    await admin.connect();
    await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'roundup-cache-bus' and pid <> pg_backend_pid()");
    await admin.end();
    await until(() => bus.state === "up" && node.verifiedSince > connectedAt, "the bus is listening again");
    expect(node.read("page")).toMatchObject({ fresh: false, entry: { value: "html" } });
    node.write("page", "fresh html", ["home"], undefined, {});
    expect(node.read("page")).toMatchObject({ fresh: true, entry: { value: "fresh html" } });
  });

  it("the heartbeat notices a connection that went silent without closing, and reconnects", async () => {
    const relay = await startRelay(new URL(requireEnv("DATABASE_URL")));
    try {
      const { node, bus } = process({ url: relay.url, heartbeatMs: 200, timeoutMs: 500, reconnectMs: 50 });
      await bus.start();
      expect(bus.state).toBe("up");
      node.write("page", "html", ["home"], undefined, {});
      const connectedAt = node.verifiedSince;
      relay.freeze();
      await until(() => bus.state !== "up", "the heartbeat gives up on the silent connection");
      // While it is down the page is still there, served stale once it is more than a moment old.
      expect(node.read("page", [], Date.now() + BUS_DOWN_FRESH_MS)).toMatchObject({ fresh: false, entry: { value: "html" } });
      await until(() => bus.state === "up" && node.verifiedSince > connectedAt, "the bus is listening again");
    } finally {
      await relay.close();
    }
  });
});
