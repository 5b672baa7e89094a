import crypto from "node:crypto";
import type { Role } from "@/generated/prisma/enums";
import { hashPassword } from "@/lib/auth/password";
import { hashInviteToken } from "@/lib/data/users";
import { db } from "@/lib/db";
import { uniqueId } from "./db";

// What one cell of the authorization matrix gets to build its form: the acting user (null when
// anonymous) and helpers that create fresh rows, so no cell depends on another's leftovers.

export const MATRIX_PASSWORD = "matrix password 1";
export const CELLS = ["anonymous", "journalist", "editor", "admin", "deactivated"] as const;
export type Cell = (typeof CELLS)[number];

let passwordHash: Promise<string> | undefined;
const sharedHash = () => (passwordHash ??= hashPassword(MATRIX_PASSWORD));

export type MatrixUser = { id: string; email: string; role: Role; sessionVersion: number };

export async function newUser(options: { role?: Role; active?: boolean; mustChangePassword?: boolean } = {}): Promise<MatrixUser> {
  const id = uniqueId("matrix");
  return db.user.create({
    data: {
      email: `${id}@test.roundup.local`,
      name: `矩阵 ${id}`,
      role: options.role ?? "JOURNALIST",
      active: options.active ?? true,
      mustChangePassword: options.mustChangePassword ?? false,
      passwordHash: await sharedHash(),
    },
    select: { id: true, email: true, role: true, sessionVersion: true },
  });
}

/** The acting account of a cell: deactivated is a deactivated admin, the strongest account that must get nothing. */
export async function actorFor(cell: Cell, options: { mustChangePassword?: boolean } = {}): Promise<MatrixUser | null> {
  switch (cell) {
    case "anonymous":
      return null;
    case "journalist":
      return newUser({ role: "JOURNALIST", ...options });
    case "editor":
      return newUser({ role: "EDITOR", ...options });
    case "admin":
      return newUser({ role: "ADMIN", ...options });
    case "deactivated":
      return newUser({ role: "ADMIN", active: false, ...options });
  }
}

export type CellContext = {
  actor: MatrixUser | null;
  /** The actor's password (every matrix account has MATRIX_PASSWORD). */
  password: string;
  newUser: typeof newUser;
  /** An open invite for a fresh invited account; returns the raw token that goes in the link. */
  newInviteToken: () => Promise<string>;
};

export function cellContext(actor: MatrixUser | null): CellContext {
  return {
    actor,
    password: MATRIX_PASSWORD,
    newUser,
    newInviteToken: async () => {
      const admin = await newUser({ role: "ADMIN" });
      const invited = await newUser({ role: "JOURNALIST", mustChangePassword: true });
      const token = crypto.randomBytes(32).toString("base64url");
      await db.invite.create({
        data: { tokenHash: hashInviteToken(token), email: invited.email, name: "受邀", role: "JOURNALIST", expiresAt: new Date(Date.now() + 60_000), createdById: admin.id },
      });
      return token;
    },
  };
}

/** FormData from plain fields, as a browser form would post them. */
export function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}
