import crypto from "node:crypto";
import { expect, test } from "@playwright/test";
import { findFreePort } from "../scripts/lib/ports";
import { startAppServer, startDatabaseRelay, waitFor, type Running } from "./support/servers";
import { withDb } from "./site-fixtures";

// A ballot posted while the database is unreachable: the reader is told to retry (503, in Chinese),
// nothing is acknowledged; the same form sent again once the database is back is stored exactly once.
// A production server of its own reaches the e2e database through a relay the test cuts.

test.describe("voting while the database is unreachable", () => {
  test.describe.configure({ timeout: 180_000 });
  let app: Running;
  let relay: Awaited<ReturnType<typeof startDatabaseRelay>>;
  const id = `e2e-outage-vote-${crypto.randomBytes(4).toString("hex")}`;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    await withDb(async (client) => {
      await client.query(
        `insert into "Selection" (id, slug, title, year, "maxChoices", "opensAt", "closesAt", "createdById", "updatedAt")
         values ($1, $1, '断线投票测试', 1992, 2, now() - interval '1 hour', now() + interval '1 day', (select id from "User" order by "createdAt" limit 1), now())`,
        [id],
      );
      for (const position of [1, 2]) await client.query(`insert into "SelectionCandidate" (id, "selectionId", position, title) values ($1, $2, $3, $4)`, [`${id}-${position}`, id, position, `断线候选 ${position}`]);
    });
    relay = await startDatabaseRelay(process.env.DATABASE_URL ?? "");
    app = await startAppServer(await findFreePort(3682), { DATABASE_URL: relay.url });
  });

  test.afterAll(async () => {
    await app?.stop();
    await relay?.stop();
    await withDb((client) => client.query(`delete from "Selection" where id = $1`, [id]));
  });

  const health = async () => (await fetch(`${app.url}/api/health`)).json() as Promise<{ database: string; bus: string }>;

  test("the reader is asked to retry, and the retried ballot is stored once", async () => {
    const form = await fetch(`${app.url}/selections/${id}`);
    const html = await form.text();
    const cookie = (form.headers.getSetCookie().find((line) => line.startsWith("roundup_voter=")) ?? "").split(";")[0] ?? "";
    const token = /name="token" value="([^"]+)"/.exec(html)?.[1] ?? "";
    expect(cookie).not.toBe("");
    expect(token).not.toBe("");
    const vote = () =>
      fetch(`${app.url}/selections/${id}/vote`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: app.url, Cookie: cookie },
        body: new URLSearchParams([["token", token], ["choice", `${id}-1`]]).toString(),
      });

    await relay.down();
    await waitFor(async () => (await health()).database === "down", "the server noticing the outage", 30_000);
    const refused = await vote();
    expect(refused.status).toBe(503);
    expect(await refused.text()).toContain("请稍后重试");
    expect(await withDb(async (client) => (await client.query(`select count(*)::int as n from "Ballot" where "selectionId" = $1`, [id])).rows[0].n)).toBe(0);

    await relay.up();
    await waitFor(async () => (await health()).database === "up", "the server reaching the database again", 60_000);
    // The reader's retry: the same form, so the same idempotency key.
    let accepted = await vote();
    // A pooled connection the outage broke may fail once more; the reader simply retries again.
    for (let attempt = 0; accepted.status === 503 && attempt < 5; attempt++) accepted = await vote();
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get("location")).toContain(`/selections/${id}/thanks?r=`);
    const again = await vote();
    expect(again.headers.get("location")).toBe(accepted.headers.get("location"));
    expect(await withDb(async (client) => (await client.query(`select count(*)::int as n from "Ballot" where "selectionId" = $1`, [id])).rows[0].n)).toBe(1);
  });
});
