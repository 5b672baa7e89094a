import type { Db } from "@/lib/db-client";
import type { Role, StoryStatus } from "@/generated/prisma/enums";
import { hashPassword } from "@/lib/auth/password";
import { uniqueId } from "./db";

export async function createUser(db: Db, options: { role?: Role; active?: boolean; password?: string } = {}) {
  const id = uniqueId("user");
  return db.user.create({
    data: {
      email: `${id}@test.roundup.local`,
      name: `测试用户 ${id}`,
      role: options.role ?? "JOURNALIST",
      active: options.active ?? true,
      passwordHash: await hashPassword(options.password ?? "correct horse battery"),
    },
  });
}

export async function createStory(
  db: Db,
  authorId: string,
  options: { status?: StoryStatus; publishedAt?: Date | null; title?: string; body?: string } = {},
) {
  const slug = uniqueId("story");
  return db.story.create({
    data: {
      slug,
      title: options.title ?? `测试报道 ${slug}`,
      body: options.body ?? "测试正文。",
      status: options.status ?? "DRAFT",
      publishedAt: options.publishedAt === undefined ? null : options.publishedAt,
      authorId,
    },
  });
}
