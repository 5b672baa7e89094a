import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { CacheNode } from "@/lib/cache/shared-cache-handler.mjs";
import { createStory, createUser } from "./support/fixtures";
import { requireEnv, uniqueId } from "./support/db";

// Two cache nodes on one database stand in for two app processes.
const until = async (check: () => boolean, timeout = 3000) => {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeout) throw new Error("condition not reached in time");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};

describe("shared cache handler across processes", () => {
  let authorId: string;
  const nodes: CacheNode[] = [];
  const node = () => {
    const created = new CacheNode(requireEnv("DATABASE_URL"));
    nodes.push(created);
    return created;
  };
  beforeAll(async () => {
    authorId = (await createUser(db, { role: "EDITOR" })).id;
  });
  afterEach(async () => {
    await Promise.all(nodes.splice(0).map((n) => n.close()));
  });
  afterAll(async () => {
    await db.$disconnect();
  });

  it("an expiry in one process empties the entries with that tag in the other, and only those", async () => {
    const [a, b] = [node(), node()];
    await Promise.all([a.connect(), b.connect()]);
    const now = Date.now();
    b.write("page:story", "<html>story</html>", ["story:x", "home"], undefined, now - 5000);
    b.write("page:other", "<html>other</html>", ["story:y"], undefined, now - 5000);
    expect(b.read("page:story")).not.toBeNull();

    await a.expire(["story:x"]);
    await until(() => b.read("page:story") === null);
    expect(b.read("page:other")?.value).toBe("<html>other</html>");
  });

  it("an entry made after an expiry stays cached", async () => {
    const a = node();
    await a.connect();
    await a.expire(["tag:t"]);
    a.write("data", 1, ["tag:t"], undefined, Date.now() + 2000);
    expect(a.read("data", [], Date.now() + 2500)).not.toBeNull();
  });

  it("a scheduled story expires the pages showing it when its time comes, without any notice", async () => {
    const slug = uniqueId("sched");
    const at = new Date(Date.now() + 60_000);
    const a = node();
    await a.connect();
    await createStory(db, authorId, { status: "SCHEDULED", publishedAt: at }).then((story) => db.story.update({ where: { id: story.id }, data: { slug } }));
    // The database trigger announces the schedule change; the node reloads the go-live times.
    await until(() => a.goLive.has(`story:${slug}`));
    a.write("home-page", "home", ["home"], undefined, Date.now());
    expect(a.read("home-page", [], at.getTime() - 1)).not.toBeNull();
    expect(a.read("home-page", [], at.getTime() + 1)).toBeNull();
  });

  it("a node that loses its connection drops what it cached, since it may have missed notices", async () => {
    const a = node();
    await a.connect();
    a.write("k", "v", ["home"], undefined);
    const admin = new pg.Client({ connectionString: requireEnv("DATABASE_URL") });
    await admin.connect();
    await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'roundup-cache-bus' and pid <> pg_backend_pid()");
    await admin.end();
    await until(() => a.entries.size === 0);
  });
});
