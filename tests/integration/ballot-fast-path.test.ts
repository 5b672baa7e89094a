import http from "node:http";
import type { AddressInfo } from "node:net";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { CacheNode } from "@/lib/cache/cache-node.mjs";
import SharedCacheHandler, { type ProcessCache } from "@/lib/cache/shared-cache-handler.mjs";
import { cacheTags } from "@/lib/cache/tags";
import { db } from "@/lib/db";
import { addTextCandidate, createSelection, updateSelection } from "@/lib/data/selections";
import { frontDoor } from "@/lib/server/front-door.mjs";
import { registerVotingFastPath } from "@/lib/selection/fast-path";
import { newFormToken, newVoterCookie, readReceipt } from "@/lib/selection/tokens";
import type { SelectionInput } from "@/lib/validation/selection";
import { createActor, removeContentOf } from "./support/actors";
import { uniqueId } from "./support/db";

// Ballots answered by the standalone server's front door without entering Next (the route handler's
// own function, registered as instrumentation.ts does): the stand-in for Next behind it must never be
// called. The real clock: the selection is open now.

const HOUR = 60 * 60 * 1000;

describe("the ballot's fast path in the front door", () => {
  let editor: Actor;
  let server: http.Server;
  let base = "";
  let nextCalls = 0;
  const node = new CacheNode();
  const selectionIds: string[] = [];

  beforeAll(async () => {
    editor = await createActor(db, "EDITOR");
    const cache = { node, bus: null, purger: null, keyHeaders: [], pages: new Map(), pageKey: () => undefined, hasPage: () => false };
    (globalThis as unknown as Record<symbol, unknown>)[Symbol.for("roundup.cache")] = cache as unknown as ProcessCache;
    registerVotingFastPath();
    server = http.createServer(
      frontDoor((_request, response) => {
        nextCalls += 1;
        response.statusCode = 500;
        response.end("Next was asked");
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await db.selection.deleteMany({ where: { id: { in: selectionIds } } });
    await removeContentOf(db, [editor]);
    await (globalThis as unknown as { roundupVotePool?: pg.Pool }).roundupVotePool?.end();
  });

  function settings(overrides: Partial<SelectionInput> = {}): Omit<SelectionInput, "id"> {
    const now = Date.now();
    return { title: uniqueId("快速投票"), year: 2030, intro: "", maxChoices: 2, opensAt: new Date(now + HOUR), closesAt: new Date(now + 24 * HOUR), resultsPublic: true, readerWeight: 40, tieBreak: "JURY_FIRST", ...overrides };
  }

  /** An open selection with two candidates (added while it was still upcoming). */
  async function openSelection() {
    const created = await createSelection(editor, settings());
    selectionIds.push(created.id);
    const ids: string[] = [];
    for (const n of [1, 2]) await addTextCandidate(editor, { selectionId: created.id, title: uniqueId(`候选${n}`), description: "说明。" });
    for (const row of await db.selectionCandidate.findMany({ where: { selectionId: created.id }, orderBy: { position: "asc" } })) ids.push(row.id);
    const open = settings({ opensAt: new Date(Date.now() - 1000) });
    await updateSelection(editor, created.id, open);
    return { ...created, open, candidates: ids };
  }

  type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };
  function post(path: string, body: string, headers: Record<string, string>): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const request = http.request(`${base}${path}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", ...headers } }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString() }));
      });
      request.on("error", reject);
      request.end(body);
    });
  }
  const form = (selectionId: string, choices: string[]) => new URLSearchParams([["token", newFormToken(selectionId)], ...choices.map((id) => ["choice", id] as [string, string])]).toString();
  const vote = (slug: string, body: string, origin = base) => post(`/selections/${slug}/vote`, body, { origin, cookie: `roundup_voter=${newVoterCookie()}` });

  it("counts a ballot and answers a retry of the same form with the same receipt", async () => {
    const made = await openSelection();
    const body = form(made.id, [made.candidates[0]!]);
    const cookie = `roundup_voter=${newVoterCookie()}`;
    const first = await post(`/selections/${made.slug}/vote`, body, { origin: base, cookie });
    const again = await post(`/selections/${made.slug}/vote`, body, { origin: base, cookie });
    expect(first.status).toBe(303);
    expect(first.headers.location).toMatch(new RegExp(`^/selections/${made.slug}/thanks\\?r=`));
    expect(again.headers.location).toBe(first.headers.location);
    const receipt = decodeURIComponent(/r=([^&]+)/.exec(first.headers.location ?? "")?.[1] ?? "");
    expect(await db.ballot.count({ where: { selectionId: made.id } })).toBe(1);
    expect(await db.ballot.findUnique({ where: { id: readReceipt(receipt) ?? "" } })).not.toBeNull();
    expect(first.headers["x-content-type-options"]).toBe("nosniff");
    expect(nextCalls).toBe(0);
  });

  it("refuses a post from another site with proxy.ts's 403 and stores nothing", async () => {
    const made = await openSelection();
    const refused = await vote(made.slug, form(made.id, [made.candidates[0]!]), "https://elsewhere.example");
    expect(refused.status).toBe(403);
    expect(refused.body).toBe("跨站请求已拒绝。");
    const noOrigin = await post(`/selections/${made.slug}/vote`, form(made.id, [made.candidates[0]!]), {});
    expect(noOrigin.status).toBe(403);
    expect(await db.ballot.count({ where: { selectionId: made.id } })).toBe(0);
    expect(nextCalls).toBe(0);
  });

  it("refuses the very next ballot once an editor closed the selection early, keeping the ticked choices", async () => {
    const made = await openSelection();
    const choice = made.candidates[1]!;
    expect((await vote(made.slug, form(made.id, [choice]))).status).toBe(303);
    // Closing early, as the editor's Server Action does: the data function, then the tag expiry
    // (Next hands it to the cache handler, which marks it in this process's node).
    await updateSelection(editor, made.id, { ...made.open, closesAt: new Date(Date.now() - 1) });
    await new SharedCacheHandler().revalidateTag(cacheTags.selection(made.slug));
    const next = await vote(made.slug, form(made.id, [choice]));
    expect(next.status).toBe(303);
    expect(next.headers.location).toBe(`/selections/${made.slug}?error=closed&picked=${encodeURIComponent(choice)}`);
    expect(await db.ballot.count({ where: { selectionId: made.id } })).toBe(1);
    expect(nextCalls).toBe(0);
  });

  it("answers bad forms with the voting page's reasons, and an oversize body with a 413", async () => {
    const made = await openSelection();
    expect((await vote(made.slug, new URLSearchParams([["token", newFormToken(made.id)]]).toString())).headers.location).toBe(`/selections/${made.slug}?error=empty`);
    expect((await vote(made.slug, "token=forged&choice=x")).headers.location).toMatch(/\?error=formExpired&picked=x$/);
    const big = await vote(made.slug, `token=${"x".repeat(40 * 1024)}`);
    expect(big.status).toBe(413);
    expect(big.body).toContain("提交的内容太大");
    expect((await vote(`${made.slug}-missing`, form(made.id, [made.candidates[0]!]))).status).toBe(404);
    expect(await db.ballot.count({ where: { selectionId: made.id } })).toBe(0);
    expect(nextCalls).toBe(0);
  });
});
