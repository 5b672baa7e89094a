import { afterAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { AUDIT_PAGE_SIZE, listAuditEvents } from "@/lib/data/audit";
import { verifyCredentials } from "@/lib/data/auth";
import { changeRole } from "@/lib/data/users";
import { db } from "@/lib/db";
import { uniqueId } from "./support/db";
import { createUser } from "./support/fixtures";

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
    expect(forTarget.rows.map((row) => row.action)).toEqual(["user.role_change", "auth.login_failed"]);
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

  it("is closed to everyone but admins", async () => {
    const editor = asActor(await createUser(db, { role: "EDITOR" }));
    await expect(listAuditEvents(editor, { page: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listAuditEvents(null, { page: 1 })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
