import fs from "node:fs";
import path from "node:path";
import type { Cell, CellContext } from "./matrix-context";
import { form } from "./matrix-context";

// THE AUTHORIZATION MATRIX: every Server Action (every async export of a "use server" module under
// lib/actions/) and every mutating route handler (POST/PUT/PATCH/DELETE in app/**/route.ts).
// tests/integration/authorization-matrix.test.ts runs each action once per cell (anonymous,
// journalist, editor, admin, deactivated) against the real database and fails when an action or
// route exists that is not listed here.
//
// Adding an action: one line, `exportName: { allow: [cells that succeed], form: (ctx) => form({…}) }`.
// Every cell not in `allow` must be refused with the "please sign in" or "no permission" message.
// The form must be valid for an allowed cell: anything other than success or refusal fails the test.

export type ActionRow = {
  allow: readonly Cell[];
  form: (ctx: CellContext) => FormData | Promise<FormData>;
  /** The acting account is on a temporary password (for the one action such an account may use). */
  actorMustChangePassword?: boolean;
};

const SIGNED_IN = ["journalist", "editor", "admin"] as const;
const EVERYONE = ["anonymous", "journalist", "editor", "admin", "deactivated"] as const;
const EDITORS = ["editor", "admin"] as const;

// A small, valid roundup document for the import actions (read once).
const IMPORT_DOCUMENT = fs.readFileSync(path.resolve(__dirname, "../../fixtures/import/dot-numbered.txt"), "utf8");

export const ACTION_ROWS: Record<string, ActionRow> = {
  // lib/actions/accounts.ts — admin only
  createAccountAction: { allow: ["admin"], form: () => form({ email: `new-${crypto.randomUUID()}@test.roundup.local`, name: "新同事", role: "EDITOR", method: "invite" }) },
  changeRoleAction: { allow: ["admin"], form: async (ctx) => form({ userId: (await ctx.newUser({ role: "JOURNALIST" })).id, role: "EDITOR" }) },
  deactivateAccountAction: { allow: ["admin"], form: async (ctx) => form({ userId: (await ctx.newUser()).id }) },
  reactivateAccountAction: { allow: ["admin"], form: async (ctx) => form({ userId: (await ctx.newUser({ active: false })).id }) },
  resetPasswordAction: { allow: ["admin"], form: async (ctx) => form({ userId: (await ctx.newUser()).id }) },
  // lib/actions/own-account.ts — any active account, on itself
  updateProfileAction: { allow: SIGNED_IN, form: () => form({ name: "改过的名字" }) },
  changePasswordAction: { allow: SIGNED_IN, form: (ctx) => form({ currentPassword: ctx.password, newPassword: "a brand new password", confirmPassword: "a brand new password" }) },
  setNewPasswordAction: { allow: SIGNED_IN, actorMustChangePassword: true, form: () => form({ newPassword: "my own password 1", confirmPassword: "my own password 1", callbackUrl: "/editor" }) },
  // Open by design: holding an unused, unexpired invite link is the authorization.
  acceptInviteAction: { allow: EVERYONE, form: async (ctx) => form({ token: await ctx.newInviteToken(), newPassword: "invited password 1", confirmPassword: "invited password 1" }) },
  // lib/actions/import.ts — editors and admins; allowDuplicate because every cell imports the same document
  previewImport: { allow: EDITORS, form: () => form({ text: IMPORT_DOCUMENT }) },
  createImportDrafts: { allow: EDITORS, form: () => form({ text: IMPORT_DOCUMENT, allowDuplicate: "on" }) },
};

export type RouteRow = { allow: readonly Cell[]; reason: string };

/** Mutating route handlers, keyed "<file> <METHOD>". Only outside callers get route handlers (design.md). */
export const ROUTE_ROWS: Record<string, RouteRow> = {
  "app/api/auth/[...nextauth]/route.ts POST": {
    allow: EVERYONE,
    reason: "next-auth's sign-in/sign-out endpoint: open to everyone, guarded by its CSRF token, throttled in verifyCredentials (tests/integration/sign-in.test.ts)",
  },
};
