import "server-only";
import type { Role, StoryStatus } from "@/generated/prisma/enums";
import { hasRole, type Actor } from "@/lib/auth/roles";
import { forbidden, notFound, unauthenticated } from "@/lib/errors";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { REQUESTED_PATH_HEADER } from "@/lib/security-headers";

// Every role and session check lives here. Three audiences:
// - pages and layouts: requireUser / requireRole (redirect to /login, or the 403 page);
// - Server Actions: requireActor, called by the action wrapper (lib/actions/safe-action.ts), which
//   turns its typed errors into { ok: false, code: "UNAUTHENTICATED" | "FORBIDDEN" };
// - lib/data functions: requireSignedIn / requireStaff / requireEditor / requireAdmin on the actor
//   they are given, so a data function called from anywhere checks again where the data is.
//
// The request-bound guards load Next's request APIs and the session lazily: lib/data imports this
// module, and the import CLI runs lib/data outside Next, where next/navigation cannot load.

/** The session lookup and Next's navigation, loaded only by the request-bound guards. */
async function requestApis() {
  const [{ getCurrentUser, endedSessionMessage }, navigation, { headers }] = await Promise.all([import("@/lib/auth/session"), import("next/navigation"), import("next/headers")]);
  return { getCurrentUser, endedSessionMessage, redirect: navigation.redirect, forbiddenPage: navigation.forbidden, headers };
}

export { hasRole };

export const PASSWORD_CHANGE_REQUIRED = "请先设置新密码，再进行其他操作。";
export const TWO_FACTOR_ENROLMENT_REQUIRED = "请先开启两步验证，再进行其他操作。";

/**
 * For pages and layouts: the signed-in account, or a trip to /login that comes back here afterwards.
 * An account on a temporary password is sent to choose its own first; one that must use two-factor
 * sign-in (TWO_FACTOR_REQUIRED) and hasn't set it up, to set it up.
 */
export async function requireUser(returnTo: string): Promise<Actor> {
  const { getCurrentUser, headers, redirect } = await requestApis();
  const user = await getCurrentUser();
  if (user && !user.mustChangePassword && !user.mustEnrolTwoFactor) return user;
  // A layout passes its own path; the page actually requested (from proxy.ts) is the better destination.
  const destination = encodeURIComponent(safeCallbackPath((await headers()).get(REQUESTED_PATH_HEADER), returnTo));
  if (!user) return redirect(`/login?callbackUrl=${destination}`);
  return redirect(user.mustChangePassword ? `/change-password?callbackUrl=${destination}` : `/two-factor?callbackUrl=${destination}`);
}

/** For pages that need a role: signed-out visitors go to /login, others get a 403 page. */
export async function requireRole(role: Role, returnTo: string): Promise<Actor> {
  const user = await requireUser(returnTo);
  if (!hasRole(user, role)) return (await requestApis()).forbiddenPage();
  return user;
}

/**
 * For Server Actions (through the wrapper) and route handlers: throws a typed error instead of redirecting. An account
 * still on a temporary password may do nothing but set its own (allowPendingPassword, used by that
 * one action); one that must set up two-factor sign-in, nothing but that (allowPendingTwoFactor).
 * A deactivated account's cookie is told the account is deactivated, not to sign in.
 */
export async function requireActor(
  role: Role = "JOURNALIST",
  options: { allowPendingPassword?: boolean; allowPendingTwoFactor?: boolean } = {},
): Promise<Actor> {
  const { getCurrentUser, endedSessionMessage } = await requestApis();
  const user = await getCurrentUser();
  if (!user) throw unauthenticated(await endedSessionMessage());
  if (user.mustChangePassword && !options.allowPendingPassword) throw forbidden(PASSWORD_CHANGE_REQUIRED);
  if (user.mustEnrolTwoFactor && !user.mustChangePassword && !options.allowPendingTwoFactor) throw forbidden(TWO_FACTOR_ENROLMENT_REQUIRED);
  if (!hasRole(user, role)) throw forbidden();
  return user;
}

/** Data functions: any signed-in account (its own profile, its own password). */
export function requireSignedIn(actor: Actor | null): Actor {
  if (!actor) throw unauthenticated();
  return actor;
}

/** Data functions: newsroom staff (every role; kept apart from requireSignedIn for readers' sake). */
export function requireStaff(actor: Actor | null): Actor {
  return requireMinimumRole(actor, "JOURNALIST");
}

/** Data functions: editors and admins. */
export function requireEditor(actor: Actor | null, message = "只有编辑可以执行此操作。"): Actor {
  return requireMinimumRole(actor, "EDITOR", message);
}

/** Data functions: admins only (account management, audit log). */
export function requireAdmin(actor: Actor | null): Actor {
  return requireMinimumRole(actor, "ADMIN");
}

function requireMinimumRole(actor: Actor | null, role: Role, message?: string): Actor {
  if (!actor) throw unauthenticated();
  if (!hasRole(actor, role)) throw forbidden(message);
  return actor;
}

/** Journalists edit their own stories until an editor has released them; editors edit any story. */
export function canEditStory(actor: Actor, story: { authorId: string; status: StoryStatus }): boolean {
  const actorId = actor.id; // hasRole narrows `actor` to never in the journalist branch
  if (hasRole(actor, "EDITOR")) return true;
  return story.authorId === actorId && JOURNALIST_EDITABLE.includes(story.status);
}

/** The statuses in which a story's author (a journalist) may still change it. */
export const JOURNALIST_EDITABLE: readonly StoryStatus[] = ["DRAFT", "IN_REVIEW", "UNPUBLISHED"];

export function assertCanEdit(actor: Actor, story: { authorId: string; status: StoryStatus } | null): asserts story {
  if (!story) throw notFound("找不到这篇报道。");
  if (!canEditStory(actor, story)) throw forbidden("你只能修改自己尚未发布的报道。");
}
