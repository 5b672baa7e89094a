import type { Role } from "@/generated/prisma/enums";

/** Who is asking, as every data function and action sees it; null for an anonymous reader. */
export type Actor = {
  id: string;
  name: string;
  email: string;
  role: Role;
  mustChangePassword: boolean;
  /** Two-factor sign-in is required for this role (TWO_FACTOR_REQUIRED) and not set up yet. */
  mustEnrolTwoFactor?: boolean;
};

const RANK: Record<Role, number> = { JOURNALIST: 1, EDITOR: 2, ADMIN: 3 };

/** Roles are cumulative: an editor can do all a journalist can, an admin all an editor can. */
export function hasRole(actor: Actor | null | undefined, role: Role): actor is Actor {
  return !!actor && RANK[actor.role] >= RANK[role];
}

export const ROLE_LABELS: Record<Role, string> = { JOURNALIST: "记者", EDITOR: "编辑", ADMIN: "管理员" };
