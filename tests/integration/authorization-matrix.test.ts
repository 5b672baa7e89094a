import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { ACTION_ROWS, ROUTE_ROWS } from "./support/authorization-rows";
import { discoverActions, type ActionFn } from "./support/discover-actions";
import { CELLS, actorFor, cellContext, type Cell, type MatrixUser } from "./support/matrix-context";

// Only the session lookup is faked (there is no request in vitest): the cell's token claims go in,
// and the real findSessionUser still checks the account against the database, so deactivation and
// session versions behave as in production. Cache expiry needs a request too, so it is a no-op here.
const session = vi.hoisted(() => ({ current: null as null | { user: { id: string; role: string; sv: number } } }));
vi.mock("@/lib/auth/session-token", () => ({
  readSessionClaims: async () => session.current && { id: session.current.user.id, role: session.current.user.role, sessionVersion: session.current.user.sv },
}));
vi.mock("next/cache", () => ({ updateTag: () => undefined, revalidateTag: () => undefined, revalidatePath: () => undefined, refresh: () => undefined }));
// Request headers and cookies: an ordinary browser request with no proxy in front.
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "10.77.0.1" }), cookies: async () => ({ get: () => undefined }) }));

const ROOT = path.resolve(__dirname, "../..");

/** "<file> <METHOD>" for every POST/PUT/PATCH/DELETE exported by a route handler under app/. */
function discoverMutatingRoutes(): string[] {
  const found: string[] = [];
  const files = (fs.readdirSync(path.join(ROOT, "app"), { recursive: true }) as string[]).filter((file) => /(^|\/)route\.tsx?$/.test(file));
  for (const file of files) {
    const source = fs.readFileSync(path.join(ROOT, "app", file), "utf8");
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      const exported = new RegExp(`export\\s+(async\\s+)?(function|const|let)\\s+${method}\\b|export\\s*\\{[^}]*\\b(as\\s+)?${method}\\b[^}]*\\}`).test(source);
      if (exported) found.push(`app/${file} ${method}`);
    }
  }
  return found.sort();
}

type Outcome = "allowed" | "denied" | `error: ${string}`;
// A refusal is told apart by its code, never by its wording.
const REFUSALS = new Set(["UNAUTHENTICATED", "FORBIDDEN"]);

async function runCell(action: ActionFn, row: (typeof ACTION_ROWS)[string], cell: Cell): Promise<Outcome> {
  const actor: MatrixUser | null = await actorFor(cell, { mustChangePassword: row.actorMustChangePassword });
  session.current = actor ? { user: { id: actor.id, role: actor.role, sv: actor.sessionVersion } } : null;
  const formData = await row.form(cellContext(actor));
  try {
    const result = (await action({ ok: false }, formData)) as { ok?: boolean; code?: string; message?: string; fieldErrors?: unknown };
    if (result.ok) return "allowed";
    if (result.code && REFUSALS.has(result.code)) return "denied";
    return `error: ${result.code ?? "no code"} ${result.message ?? "no message"} ${JSON.stringify(result.fieldErrors ?? {})}`;
  } catch (error) {
    // redirect() after a successful change throws NEXT_REDIRECT for Next.js to turn into a response.
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return "allowed";
    return `error: thrown ${String(error)}`;
  }
}

describe("authorization matrix", () => {
  let actions: Map<string, ActionFn>;

  beforeEach(async () => {
    actions ??= await discoverActions();
    session.current = null;
  });

  afterAll(async () => {
    await db.$disconnect();
  });

  it("lists every Server Action and nothing that no longer exists", () => {
    expect([...actions.keys()].sort()).toEqual(Object.keys(ACTION_ROWS).sort());
  });

  it("lists every mutating route handler and nothing that no longer exists", () => {
    expect(discoverMutatingRoutes()).toEqual(Object.keys(ROUTE_ROWS).sort());
    for (const [route, row] of Object.entries(ROUTE_ROWS)) expect(row.reason.length, `${route} needs a reason`).toBeGreaterThan(20);
  });

  for (const [name, row] of Object.entries(ACTION_ROWS)) {
    it(`${name}: ${CELLS.map((cell) => `${cell} ${row.allow.includes(cell) ? "✓" : "✗"}`).join(", ")}`, async () => {
      const action = actions.get(name);
      expect(action, `${name} is listed but no "use server" module under lib/actions exports it`).toBeDefined();
      if (!action) return;
      const outcomes: Record<string, Outcome> = {};
      for (const cell of CELLS) outcomes[cell] = await runCell(action, row, cell);
      const expected = Object.fromEntries(CELLS.map((cell) => [cell, row.allow.includes(cell) ? "allowed" : "denied"]));
      expect(outcomes).toEqual(expected);
    });
  }
});
