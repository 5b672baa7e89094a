import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { requireStaff } from "@/lib/data/story-access";

/** Images a story can use as its lead photo, newest first. */
export async function listMediaOptions(actor: Actor | null): Promise<{ id: string; alt: string }[]> {
  requireStaff(actor);
  return db.media.findMany({ orderBy: { createdAt: "desc" }, take: 200, select: { id: true, alt: true } });
}
