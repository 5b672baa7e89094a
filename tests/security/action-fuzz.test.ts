import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { GENERIC_ERROR_MESSAGE } from "@/lib/errors";
import { ACTION_ROWS } from "../integration/support/authorization-rows";
import { discoverActions, type ActionFn } from "../integration/support/discover-actions";
import { actorFor, cellContext, type Cell } from "../integration/support/matrix-context";
import { BAD_FIELD_VALUES } from "./hostile-inputs";

// The hostile action fuzz: every Server Action (the authorization matrix's list, so none is missed)
// is called by an account allowed to use it with its valid form, one field at a time replaced by
// each bad value of tests/security/hostile-inputs.ts or left out. Every answer must be a result with
// a typed code: never a thrown error, never the generic "server problem" message. A refused call
// writes nothing (the content tables' row counts and last-change times stay as they were).

const session = vi.hoisted(() => ({ current: null as null | { user: { id: string; role: string; sv: number } } }));
vi.mock("@/lib/auth/session-token", () => ({
  readSessionClaims: async () => session.current && { id: session.current.user.id, role: session.current.user.role, sessionVersion: session.current.user.sv },
}));
vi.mock("next/cache", () => ({ updateTag: () => undefined, revalidateTag: () => undefined, revalidatePath: () => undefined, refresh: () => undefined }));
// No request in vitest: the address that throttling keys on comes from these headers.
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "10.78.0.1" }), cookies: async () => ({ get: () => undefined }) }));

const PREFERRED: readonly Cell[] = ["admin", "editor", "journalist", "anonymous"];

/** Row counts and last-change times of the tables an action could write content to. */
async function fingerprint(): Promise<string> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    select (select count(*) from "Story") as stories, (select max("updatedAt") from "Story") as story_change,
           (select count(*) from "StoryRevision") as revisions, (select count(*) from "StoryTag") as story_tags,
           (select count(*) from "Tag") as tags, (select count(*) from "SlugRedirect") as redirects,
           (select count(*) from "Media") as media, (select count(*) from "Roundup") as roundups,
           (select max("updatedAt") from "Roundup") as roundup_change, (select count(*) from "RoundupItem") as items,
           (select count(*) from "User") as users, (select max("updatedAt") from "User") as user_change,
           (select count(*) from "Invite") as invites, (select count(*) from "StoryNote") as notes,
           (select max("activityAt") from "Story") as story_activity`;
  return JSON.stringify(rows[0], (_key, value: unknown) => (typeof value === "bigint" ? String(value) : value));
}

type Outcome = { kind: "done"; ok: boolean } | { kind: "unexpected"; detail: string };

async function call(action: ActionFn, data: FormData): Promise<Outcome> {
  try {
    const result = (await action({ ok: false }, data)) as { ok?: unknown; code?: unknown; message?: unknown } | undefined;
    if (!result || typeof result.ok !== "boolean") return { kind: "unexpected", detail: `not a result: ${JSON.stringify(result)}` };
    if (result.ok) return { kind: "done", ok: true };
    if (result.code === "INTERNAL" || result.message === GENERIC_ERROR_MESSAGE || typeof result.code !== "string") {
      return { kind: "unexpected", detail: `${String(result.code)} ${String(result.message)}` };
    }
    return { kind: "done", ok: false };
  } catch (error) {
    // redirect() after a successful change is Next's way of answering, not a failure.
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return { kind: "done", ok: true };
    return { kind: "unexpected", detail: `threw ${String(error).slice(0, 200)}` };
  }
}

describe("hostile input: every Server Action", () => {
  let actions: Map<string, ActionFn>;
  let tried = 0;
  let unexpected = 0;

  afterAll(async () => {
    // The hostile-run figures for the report: calls tried and unexpected answers (must be 0).
    console.log(`[hostile] ${tried} fuzzed action calls, ${unexpected} unexpected errors or writes`);
    await db.$disconnect();
  });

  for (const [name, row] of Object.entries(ACTION_ROWS)) {
    it(`${name}: every bad field value gets a typed answer and a refusal writes nothing`, { timeout: 300_000 }, async () => {
      actions ??= await discoverActions();
      const action = actions.get(name);
      expect(action, `${name} is listed in the matrix but not exported`).toBeDefined();
      if (!action) return;
      const cell = PREFERRED.find((candidate) => row.allow.includes(candidate)) ?? "anonymous";
      const fields = async () => {
        // A fresh account and fresh rows for every call: an accepted odd value may use them up.
        const actor = await actorFor(cell, { mustChangePassword: row.actorMustChangePassword });
        session.current = actor ? { user: { id: actor.id, role: actor.role, sv: actor.sessionVersion } } : null;
        return row.form(cellContext(actor));
      };
      const keys = [...new Set((await fields()).keys())];
      const failures: string[] = [];
      for (const key of keys) {
        for (const bad of [...BAD_FIELD_VALUES, null]) {
          const data = await fields();
          if (bad === null) data.delete(key);
          else data.set(key, typeof bad === "function" ? bad() : bad);
          const before = await fingerprint();
          const outcome = await call(action, data);
          tried++;
          const label = `${key}=${bad === null ? "(missing)" : typeof bad === "function" ? "(file)" : JSON.stringify(bad.slice(0, 24))}`;
          if (outcome.kind === "unexpected") failures.push(`${label}: ${outcome.detail}`);
          else if (!outcome.ok && (await fingerprint()) !== before) failures.push(`${label}: refused but wrote`);
        }
      }
      unexpected += failures.length;
      expect(failures).toEqual([]);
    });
  }
});
