// Demo content: the 2023 Jilin roundup, its sections and tags, and one account per role. Loaded
// only into a new, empty database, and only by the demo paths (embedded database, or SEED_DEMO=true).
import type { Db } from "@/lib/db-client";
import { hashPassword } from "@/lib/auth/password";
import type { AuditEventType, AuditRecordType } from "@/lib/audit-vocabulary";
import { slugify } from "@/lib/slug";
import { DEMO_ROUNDUP, DEMO_SECTIONS } from "./demo-content";

export const DEMO_ACCOUNTS = [
  { email: "admin@roundup.local", name: "演示管理员", role: "ADMIN" },
  { email: "editor@roundup.local", name: "演示编辑", role: "EDITOR" },
  { email: "journalist@roundup.local", name: "演示记者", role: "JOURNALIST" },
] as const;

export const DEFAULT_DEMO_PASSWORD = "roundup-demo-2023";

export type SeedResult = { seeded: boolean; reason?: string };

/** Seeds a new database once; a database that already has accounts or stories is left alone. */
export async function seedDemo(db: Db, password: string = DEFAULT_DEMO_PASSWORD): Promise<SeedResult> {
  const [users, stories] = await Promise.all([db.user.count(), db.story.count()]);
  if (users > 0 || stories > 0) return { seeded: false, reason: "database already has content" };

  const passwordHash = await hashPassword(password);
  await db.$transaction(
    async (tx) => {
      const accounts = new Map<string, string>();
      for (const account of DEMO_ACCOUNTS) {
        const user = await tx.user.create({ data: { ...account, passwordHash }, select: { id: true } });
        accounts.set(account.role, user.id);
      }
      const editorId = accounts.get("EDITOR")!;

      const sections = new Map<string, string>();
      for (const [position, section] of DEMO_SECTIONS.entries()) {
        const row = await tx.section.create({ data: { ...section, position }, select: { id: true } });
        sections.set(section.slug, row.id);
      }

      const roundup = await tx.roundup.create({
        data: {
          slug: DEMO_ROUNDUP.slug,
          title: DEMO_ROUNDUP.title,
          year: DEMO_ROUNDUP.year,
          publisher: DEMO_ROUNDUP.publisher,
          intro: DEMO_ROUNDUP.intro,
          status: "PUBLISHED",
          publishedAt: new Date(DEMO_ROUNDUP.publishedAt),
          createdById: editorId,
        },
      });

      for (const story of DEMO_ROUNDUP.stories) {
        const leadMedia = story.leadMedia
          ? await tx.media.create({ data: { ...story.leadMedia, uploadedById: editorId }, select: { id: true } })
          : null;
        const tagIds: string[] = [];
        for (const name of story.tags) {
          const tag = await tx.tag.upsert({ where: { name }, create: { name, slug: slugify(name) }, update: {}, select: { id: true } });
          tagIds.push(tag.id);
        }
        const created = await tx.story.create({
          data: {
            slug: story.slug,
            title: story.title,
            dek: story.dek,
            body: story.body,
            status: "PUBLISHED",
            publishedAt: new Date(story.publishedAt),
            sectionId: sections.get(story.section) ?? null,
            authorId: editorId,
            leadMediaId: leadMedia?.id ?? null,
            tags: { create: tagIds.map((tagId) => ({ tagId })) },
          },
          select: { id: true },
        });
        await tx.storyRevision.create({
          data: {
            storyId: created.id,
            version: 1,
            title: story.title,
            dek: story.dek,
            body: story.body,
            byline: "",
            sectionId: sections.get(story.section) ?? null,
            tagNames: story.tags,
            leadMediaId: leadMedia?.id ?? null,
            editorId,
          },
        });
        await tx.roundupItem.create({ data: { roundupId: roundup.id, storyId: created.id, rank: story.rank } });
      }

      await tx.auditEvent.create({
        data: { actorId: null, actorLabel: "seed", action: "seed.demo" satisfies AuditEventType, entityType: "roundup" satisfies AuditRecordType, entityId: roundup.id, summary: "载入演示内容：2023年吉林十大新闻" },
      });
    },
    { timeout: 60_000 },
  );
  return { seeded: true };
}
