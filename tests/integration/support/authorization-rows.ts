import fs from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";
import { readDocumentOutline, toImportJson } from "@/lib/import/parse";
import type { Cell, CellContext } from "./matrix-context";
import { form } from "./matrix-context";
import { newSectionId, ownDraft, ownMediaId, roundupWithItems, storyForm, tinyPng } from "./editor-matrix";
import { invitedJuror, matrixSelection, publishedStoryId, selectionWithSeat } from "./selection-matrix";
import { pendingEnrolmentCode, userWithTwoFactor } from "./two-factor-matrix";

// THE AUTHORIZATION MATRIX: every Server Action (every async export of a "use server" module under
// lib/actions/) and every mutating route handler (POST/PUT/PATCH/DELETE in app/**/route.ts).
// tests/integration/authorization-matrix.test.ts runs each action once per cell (anonymous,
// journalist, editor, admin, deactivated) against the real database and fails when an action or
// route exists that is not listed here.
//
// Adding an action: one line, `exportName: { allow: [cells that succeed], form: (ctx) => form({…}) }`.
// Every cell not in `allow` must be refused with the code UNAUTHENTICATED or FORBIDDEN.
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
// What the import preview posts back when the editor accepts the parser's outline unchanged.
const IMPORT_OUTLINE = JSON.stringify(toImportJson(readDocumentOutline(IMPORT_DOCUMENT)));

// A valid selection: long ago, so these rows never show as open.
const SELECTION_FIELDS = { title: "矩阵评选", year: "1990", maxChoices: "3", opensAt: "1990-12-01T09:00", closesAt: "1990-12-20T18:00", readerWeight: "40", tieBreak: "JURY_FIRST" };

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
  // lib/actions/two-factor.ts — own enrolment for any account; resetting someone's second factor is for admins
  beginTwoFactorAction: { allow: SIGNED_IN, form: () => form({}) },
  confirmTwoFactorAction: { allow: SIGNED_IN, form: async (ctx) => form({ code: await pendingEnrolmentCode(ctx) }) },
  resetTwoFactorAction: { allow: ["admin"], form: async () => form({ userId: await userWithTwoFactor() }) },
  // lib/actions/import.ts — editors and admins; allowDuplicate because every cell imports the same document
  previewImport: { allow: EDITORS, form: () => form({ text: IMPORT_DOCUMENT }) },
  createImportDrafts: { allow: EDITORS, form: () => form({ text: IMPORT_DOCUMENT, outline: IMPORT_OUTLINE, allowDuplicate: "on" }) },
  // lib/actions/stories.ts — journalists on their own unpublished stories; editors on any story
  createStory: { allow: SIGNED_IN, form: () => form({ title: "矩阵新报道" }) },
  saveStory: { allow: SIGNED_IN, form: storyForm },
  autosaveStory: { allow: SIGNED_IN, form: storyForm },
  changeStoryStatus: { allow: SIGNED_IN, form: async (ctx) => form({ id: (await ownDraft(ctx)).id, action: "submit" }) },
  correctStory: { allow: EDITORS, form: async (ctx) => form({ id: (await ownDraft(ctx, "PUBLISHED")).id, correction: "矩阵更正" }) },
  claimStoryLock: { allow: SIGNED_IN, form: async (ctx) => form({ id: (await ownDraft(ctx)).id }) },
  releaseStoryLock: { allow: SIGNED_IN, form: async (ctx) => form({ id: (await ownDraft(ctx)).id }) },
  restoreStoryRevision: {
    allow: SIGNED_IN,
    form: async (ctx) => {
      const story = await ownDraft(ctx);
      return form({ id: story.id, revisionId: story.revisions[0]?.id ?? "", baseVersion: "1" });
    },
  },
  bulkUpdateStories: { allow: EDITORS, form: async (ctx) => form({ ids: (await ownDraft(ctx)).id, action: "move", sectionId: await newSectionId() }) },
  // lib/actions/review.ts — notes: editors on any story, a journalist on their own; following: anyone who may open the story
  addStoryNote: { allow: SIGNED_IN, form: async (ctx) => form({ id: (await ownDraft(ctx)).id, body: "矩阵留言" }) },
  setStoryFollow: { allow: SIGNED_IN, form: async (ctx) => form({ id: (await ownDraft(ctx)).id, follow: "false" }) },
  // lib/actions/roundups.ts — editors and admins
  createRoundup: { allow: EDITORS, form: () => form({ title: "矩阵榜单", year: "1990" }) },
  updateRoundup: { allow: EDITORS, form: async (ctx) => form({ id: (await roundupWithItems(ctx, 0)).roundup.id, title: "改名的榜单", year: "1991" }) },
  addRoundupItem: { allow: EDITORS, form: async (ctx) => form({ id: (await roundupWithItems(ctx, 0)).roundup.id, storyId: (await ownDraft(ctx)).id }) },
  removeRoundupItem: {
    allow: EDITORS,
    form: async (ctx) => {
      const { roundup, items } = await roundupWithItems(ctx);
      return form({ id: roundup.id, itemId: items[0]?.id ?? "" });
    },
  },
  reorderRoundup: {
    allow: EDITORS,
    form: async (ctx) => {
      const { roundup, items } = await roundupWithItems(ctx);
      const data = form({ id: roundup.id });
      for (const item of [...items].reverse()) data.append("itemIds", item.id);
      return data;
    },
  },
  publishRoundup: { allow: EDITORS, form: async (ctx) => form({ id: (await roundupWithItems(ctx)).roundup.id }) },
  unpublishRoundup: {
    allow: EDITORS,
    form: async (ctx) => {
      const { roundup } = await roundupWithItems(ctx);
      await db.roundup.update({ where: { id: roundup.id }, data: { status: "PUBLISHED", publishedAt: new Date() } });
      return form({ id: roundup.id });
    },
  },
  // lib/actions/front-page.ts — editors and admins; an empty choice (the newest roundup, nothing pinned) is valid
  updateFrontPage: { allow: EDITORS, form: () => form({ featuredRoundupId: "" }) },
  // lib/actions/newsroom-settings.ts — admins only; unticked is the default policy, so every cell leaves it as it was
  updateNewsroomSettings: { allow: ["admin"], form: () => form({}) },
  // lib/actions/media.ts — any signed-in account uploads; journalists delete only their own uploads
  uploadMedia: {
    allow: SIGNED_IN,
    form: () => {
      const data = form({ alt: "矩阵上传" });
      data.set("file", tinyPng());
      return data;
    },
  },
  deleteMedia: { allow: SIGNED_IN, form: async (ctx) => form({ id: await ownMediaId(ctx) }) },
  updateMediaText: { allow: SIGNED_IN, form: async (ctx) => form({ id: await ownMediaId(ctx), alt: "矩阵改名", caption: "矩阵说明", credit: "" }) },
  // lib/actions/selections.ts — editors and admins manage selections (年度评选)
  createSelection: { allow: EDITORS, form: () => form(SELECTION_FIELDS) },
  updateSelection: { allow: EDITORS, form: async (ctx) => form({ ...SELECTION_FIELDS, id: (await matrixSelection(ctx)).id }) },
  addStoryCandidate: { allow: EDITORS, form: async (ctx) => form({ selectionId: (await matrixSelection(ctx)).id, storyId: await publishedStoryId(ctx) }) },
  addTextCandidate: { allow: EDITORS, form: async (ctx) => form({ selectionId: (await matrixSelection(ctx)).id, title: "矩阵短候选", description: "说明" }) },
  removeCandidate: {
    allow: EDITORS,
    form: async (ctx) => {
      const selection = await matrixSelection(ctx);
      return form({ selectionId: selection.id, candidateId: selection.candidates[0]?.id ?? "" });
    },
  },
  addStaffJuror: { allow: EDITORS, form: async (ctx) => form({ selectionId: (await matrixSelection(ctx)).id, userId: (await ctx.newUser()).id }) },
  inviteJuror: { allow: EDITORS, form: async (ctx) => form({ selectionId: (await matrixSelection(ctx)).id, name: "矩阵评委", days: "3" }) },
  revokeJuror: {
    allow: EDITORS,
    form: async (ctx) => {
      const { selection, juror } = await invitedJuror(ctx);
      return form({ selectionId: selection.id, jurorId: juror.id });
    },
  },
  setExcludeFlagged: { allow: EDITORS, form: async (ctx) => form({ selectionId: (await matrixSelection(ctx)).id, exclude: "on" }) },
  generateSelectionRoundup: { allow: EDITORS, form: async (ctx) => form({ selectionId: (await matrixSelection(ctx, "closed")).id }) },
  setRoundupScoresShown: { allow: EDITORS, form: async (ctx) => form({ roundupId: (await roundupWithItems(ctx, 0)).roundup.id, show: "on" }) },
  // Open by design: outside jurors have no account. The handler authorizes by the juror cookie or the
  // signed-in account's juror seat on the selection (the form gives the acting account a seat).
  saveJuryScores: {
    allow: SIGNED_IN,
    form: async (ctx) => {
      const selection = await selectionWithSeat(ctx);
      return form({ selectionId: selection.id, ...Object.fromEntries(selection.candidates.map((candidate) => [`score.${candidate.id}`, "7"])) });
    },
  },
};

export type RouteRow = { allow: readonly Cell[]; reason: string };

/** Mutating route handlers, keyed "<file> <METHOD>". Only outside callers get route handlers (design.md). */
export const ROUTE_ROWS: Record<string, RouteRow> = {
  "app/api/auth/[...nextauth]/route.ts POST": {
    allow: EVERYONE,
    reason: "next-auth's sign-in/sign-out endpoint: open to everyone, guarded by its CSRF token, throttled in verifyCredentials (tests/integration/sign-in.test.ts)",
  },
  "app/editor/media/library/route.ts POST": {
    allow: SIGNED_IN,
    reason:
      "the editor's image upload, a route only so XMLHttpRequest can report bytes sent: it calls the uploadMedia Server Action itself (the uploadMedia row above checks every cell), and proxy.ts refuses posts from other sites",
  },
  "app/(site)/selections/[slug]/vote/route.ts POST": {
    allow: EVERYONE,
    reason: "a reader's ballot: open to everyone by design; one per signed voter cookie, a signed per-form idempotency key, per-address and per-network limits in PostgreSQL (tests/integration/selections.test.ts, e2e/selection.spec.ts)",
  },
  "app/(site)/selections/[slug]/jury/accept/route.ts POST": {
    allow: EVERYONE,
    reason: "an outside juror's single-use invite link: holding the unused, unrevoked, unexpired token is the authorization (tests/integration/selections.test.ts)",
  },
};
