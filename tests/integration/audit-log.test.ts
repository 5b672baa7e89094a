import { afterAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { AUDIT_PAGE_SIZE, listAuditEvents } from "@/lib/data/audit";
import { verifyCredentials } from "@/lib/data/auth";
import { changeRole } from "@/lib/data/users";
import { db } from "@/lib/db";
import { auditFilterSchema } from "@/lib/validation/audit";
import { createStory as createStoryRow } from "./support/fixtures";
import { uniqueId } from "./support/db";
import { createUser } from "./support/fixtures";
import { createStory } from "@/lib/data/stories";
import { transitionStory } from "@/lib/data/story-workflow";

const asActor = (user: Awaited<ReturnType<typeof createUser>>): Actor => ({ id: user.id, name: user.name, email: user.email, role: user.role, mustChangePassword: false });

describe("audit log listing", () => {
  afterAll(async () => {
    await db.$disconnect();
  });

  it("lists events newest first, filtered by action family, person and day, a page at a time", async () => {
    const admin = asActor(await createUser(db, { role: "ADMIN" }));
    const target = await createUser(db, { role: "JOURNALIST", password: "target password" });
    await verifyCredentials(target.email, "wrong password", "10.2.0.1").catch(() => undefined);
    await changeRole(admin, target.id, "EDITOR");

    const forTarget = await listAuditEvents(admin, { q: target.id, page: 1 });
    expect(forTarget.rows.map((row) => row.type)).toEqual(["user.role_change", "auth.login_failed"]);
    expect(forTarget.rows[0]?.actor?.email).toBe(admin.email);

    const failures = await listAuditEvents(admin, { q: target.email, action: "auth.login_failed", page: 1 });
    expect(failures.rows.map((row) => row.summary)).toEqual(["登录失败"]);

    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
    expect((await listAuditEvents(admin, { q: target.id, from: today, to: today, page: 1 })).total).toBe(2);
    expect((await listAuditEvents(admin, { q: target.id, to: "2020-01-01", page: 1 })).total).toBe(0);
  });

  it("pages through more events than fit on one page without repeating any", async () => {
    const admin = asActor(await createUser(db, { role: "ADMIN" }));
    const label = uniqueId("bulk");
    await db.auditEvent.createMany({
      data: Array.from({ length: AUDIT_PAGE_SIZE + 3 }, (_, i) => ({ actorId: admin.id, action: "story.save", entityType: "story", summary: `${label} #${i}` })),
    });
    const first = await listAuditEvents(admin, { q: label, page: 1 });
    const second = await listAuditEvents(admin, { q: label, page: 2 });
    expect(first.total).toBe(AUDIT_PAGE_SIZE + 3);
    expect(second.rows).toHaveLength(3);
    const ids = new Set([...first.rows, ...second.rows].map((row) => row.id));
    expect(ids.size).toBe(AUDIT_PAGE_SIZE + 3);
  });

  it("names people and records with links, and says when a record was removed", async () => {
    const admin = asActor(await createUser(db, { role: "ADMIN" }));
    const editor = asActor(await createUser(db, { role: "EDITOR" }));
    const title = `审计链接 ${uniqueId("s")}`;
    const { id: storyId } = await createStory(editor, { title });
    const gone = await createStoryRow(db, editor.id, { title: `将被删除 ${uniqueId("g")}` });
    await db.auditEvent.create({ data: { actorId: editor.id, action: "story.save", entityType: "story", entityId: gone.id, summary: `保存《${gone.title}》` } });
    await db.story.delete({ where: { id: gone.id } });

    const { rows } = await listAuditEvents(admin, { actor: editor.id, page: 1 });
    expect(rows.map((row) => [row.typeLabel, row.record.title, row.record.href, row.record.removed])).toEqual([
      ["保存报道", null, null, true],
      ["新建报道", title, `/editor/stories/${storyId}`, false],
    ]);
    expect(rows[1]?.actor).toMatchObject({ id: editor.id, name: editor.name, email: editor.email });
    await db.story.deleteMany({ where: { authorId: editor.id } });
  });

  it("filters by person, event type or family, record (id, title words) and date range", async () => {
    const admin = asActor(await createUser(db, { role: "ADMIN" }));
    const editor = asActor(await createUser(db, { role: "EDITOR" }));
    const other = asActor(await createUser(db, { role: "EDITOR" }));
    const words = uniqueId("筛选");
    const mine = await createStory(editor, { title: `${words} 甲` });
    await transitionStory(editor, { id: mine.id, action: "publish", publishAt: null });
    const theirs = await createStory(other, { title: `另一篇 ${uniqueId("乙")}` });

    const byPerson = await listAuditEvents(admin, { actor: editor.id, page: 1 });
    expect(byPerson.rows.map((row) => row.type)).toEqual(["story.publish", "story.create"]);
    expect((await listAuditEvents(admin, { actor: editor.id, action: "story.publish", page: 1 })).total).toBe(1);
    expect((await listAuditEvents(admin, { actor: editor.id, action: "story.", page: 1 })).total).toBe(2);
    expect((await listAuditEvents(admin, { actor: editor.id, action: "roundup.", page: 1 })).total).toBe(0);

    const byTitle = await listAuditEvents(admin, { recordType: "story", record: words, page: 1 });
    expect(byTitle.rows.map((row) => row.record.id)).toEqual([mine.id, mine.id]);
    const byId = await listAuditEvents(admin, { record: theirs.id, page: 1 });
    expect(byId.rows.map((row) => [row.type, row.actor?.id])).toEqual([["story.create", other.id]]);
    expect((await listAuditEvents(admin, { recordType: "roundup", record: theirs.id, page: 1 })).total).toBe(0);

    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
    expect((await listAuditEvents(admin, { actor: editor.id, from: today, to: today, page: 1 })).total).toBe(2);
    expect((await listAuditEvents(admin, { actor: editor.id, from: "2000-01-01", to: "2000-12-31", page: 1 })).total).toBe(0);
    await db.story.deleteMany({ where: { authorId: { in: [editor.id, other.id] } } });
  });

  it("refuses impossible dates and unknown choices with messages, and reversed ranges", () => {
    const messages = (fields: Record<string, string>) => {
      const parsed = auditFilterSchema.safeParse(fields);
      return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
    };
    expect(messages({ from: "2024-02-30" })).toEqual(["起始日期不是有效的日期，请按 2024-01-31 的格式填写。"]);
    expect(messages({ to: "昨天" })).toEqual(["截止日期不是有效的日期，请按 2024-01-31 的格式填写。"]);
    expect(messages({ from: "2024-03-01", to: "2024-02-01" })).toEqual(["截止日期不能早于起始日期。"]);
    expect(messages({ action: "Story" })).toEqual(["没有这种操作类型，请从列表中选择。"]);
    expect(messages({ recordType: "Roundup" })).toEqual(["没有这种对象类型，请从列表中选择。"]);
    expect(messages({ from: "", to: "", action: "", recordType: "", actor: "", q: "", record: "" })).toEqual([]);
  });

  it("is closed to everyone but admins", async () => {
    const editor = asActor(await createUser(db, { role: "EDITOR" }));
    await expect(listAuditEvents(editor, { page: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listAuditEvents(null, { page: 1 })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
