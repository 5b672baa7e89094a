// npm run create-admin -- --email … --name …: creates an admin account on any database (DATABASE_URL,
// or the embedded one), after applying migrations. Never loads demo content. The password comes from
// ADMIN_PASSWORD or a hidden prompt asked twice.
import { parseArgs } from "node:util";
import type { z } from "zod";
import { createPrismaClient } from "../lib/db-client";
import type { AuditEventType, AuditRecordType } from "../lib/audit-vocabulary";
import { hashPassword } from "../lib/auth/password";
import { emailSchema, nameSchema, newPasswordSchema } from "../lib/validation/accounts";
import { openDatabase } from "./lib/database";
import { loadEnvFile } from "./lib/env-file";
import { StartupError, exitOnStartupError, info } from "./lib/log";
import { migrateDatabase } from "./lib/prisma-cli";
import { promptHidden } from "./lib/prompt";

const USAGE = "用法：npm run create-admin -- --email admin@example.com --name 张三（密码取自 ADMIN_PASSWORD，未设置时在终端输入）";

function parseOrExplain<T>(schema: z.ZodType<T>, value: unknown, label: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new StartupError(`${label}：${parsed.error.issues[0]?.message ?? "无效"} ${USAGE}`);
  return parsed.data;
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env.ADMIN_PASSWORD;
  if (fromEnv) return parseOrExplain(newPasswordSchema, fromEnv, "ADMIN_PASSWORD");
  const first = parseOrExplain(newPasswordSchema, await promptHidden("管理员密码（至少 10 个字符）: "), "密码");
  const again = await promptHidden("再次输入密码: ");
  if (first !== again) throw new StartupError("两次输入的密码不一致，未创建账号。");
  return first;
}

async function main(): Promise<void> {
  loadEnvFile();
  const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } }, strict: true });
  const email = parseOrExplain(emailSchema, values.email ?? "", "--email");
  const name = parseOrExplain(nameSchema, values.name ?? "", "--name");
  const password = await readPassword();

  const database = await openDatabase();
  const client = createPrismaClient(database.url, { max: 2 });
  try {
    const migrated = await migrateDatabase(database.url);
    info(migrated === "applied" ? "database migrations applied" : "database schema is up to date");
    const existing = await client.user.findUnique({ where: { email }, select: { role: true } });
    if (existing) throw new StartupError(`邮箱 ${email} 已有账号（${existing.role}）：请换一个邮箱，或由现有管理员在 /admin 中修改角色。`);
    const passwordHash = await hashPassword(password);
    await client.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { email, name, role: "ADMIN", passwordHash }, select: { id: true } });
      await tx.auditEvent.create({
        data: { actorId: null, actorLabel: "npm run create-admin", action: "user.create" satisfies AuditEventType, entityType: "user" satisfies AuditRecordType, entityId: user.id, summary: `命令行创建管理员 ${email}` },
      });
    });
    info(`admin account created: ${email} — sign in at /login`);
  } finally {
    await client.$disconnect();
    await database.stop();
  }
}

main().then(() => process.exit(0), exitOnStartupError);
