import type { Db } from "@/lib/db-client";
import type { Role } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/auth/roles";
import { createUser } from "./fixtures";

/** A fresh account as the data functions see it. */
export async function createActor(db: Db, role: Role): Promise<Actor> {
  const user = await createUser(db, { role });
  return { id: user.id, name: user.name, email: user.email, role: user.role, mustChangePassword: false };
}

/** Removes the roundups and stories these accounts made, so published test rows don't crowd other suites' "latest" lists. */
export async function removeContentOf(db: Db, actors: Actor[]): Promise<void> {
  const ids = actors.map((actor) => actor.id);
  await db.roundup.deleteMany({ where: { createdById: { in: ids } } });
  await db.story.deleteMany({ where: { authorId: { in: ids } } });
}
