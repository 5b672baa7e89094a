import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { GET } from "@/app/admin/audit/export/route";
import { uniqueId } from "./support/db";
import { actorFor, type Cell } from "./support/matrix-context";

// The CSV export is a route handler, outside the action matrix: the session lookup is faked the
// same way (token claims in, the real account check against the database), and the handler is
// called with a Request as Next would.
const session = vi.hoisted(() => ({ current: null as null | { user: { id: string; role: string; sv: number } } }));
vi.mock("@/lib/auth/session-token", () => ({
  readSessionClaims: async () => session.current && { id: session.current.user.id, role: session.current.user.role, sessionVersion: session.current.user.sv },
}));
vi.mock("next/headers", () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined }) }));

async function signInAs(cell: Cell): Promise<string | null> {
  const user = await actorFor(cell);
  session.current = user ? { user: { id: user.id, role: user.role, sv: user.sessionVersion } } : null;
  return user?.id ?? null;
}

const exportUrl = (query: string) => new Request(`http://localhost/admin/audit/export?${query}`);

describe("audit log CSV export", () => {
  beforeEach(() => {
    session.current = null;
  });
  afterAll(async () => {
    await db.$disconnect();
  });

  it.each([
    ["anonymous", 401],
    ["journalist", 403],
    ["editor", 403],
    ["deactivated", 401],
  ] as const)("refuses %s (%i) and sends no rows", async (cell, status) => {
    await signInAs(cell);
    const response = await GET(exportUrl(""));
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toContain("text/plain");
    expect(await response.text()).not.toContain("时间");
  });

  it("gives an admin the filtered log as UTF-8 CSV with a BOM, formulas escaped, every batch included", async () => {
    const adminId = await signInAs("admin");
    const label = uniqueId("csv");
    // More rows than one batch of the export, so the stream has to go on to the next query.
    await db.auditEvent.createMany({
      data: Array.from({ length: 1_203 }, (_, i) => ({ actorId: adminId, action: "story.save", entityType: "story", entityId: `${label}-${i}`, summary: `${label} 第${i}条`, createdAt: new Date(Date.UTC(2024, 0, 1, 0, 0, i)) })),
    });
    await db.auditEvent.create({ data: { actorId: null, actorLabel: "=cmd|'/c calc'!A1", action: "auth.login_failed", entityType: "user", summary: `=HYPERLINK("x") ${label}`, createdAt: new Date("2024-01-02T00:00:00Z") } });

    const response = await GET(exportUrl(`q=${encodeURIComponent(label)}&from=2024-01-01&to=2024-01-02`));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="audit-log\.csv"; filename\*=UTF-8''%E5%AE%A1%E8%AE%A1%E6%97%A5%E5%BF%97-\d{8}-\d{4}\.csv$/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trimEnd().split("\r\n");
    expect(lines[0]).toBe("时间（北京时间）,操作人,操作人邮箱,操作,操作类型代码,对象类型,对象,对象编号,摘要,IP 地址");
    expect(lines).toHaveLength(1 + 1_204);
    // Newest first: the failed sign-in of 2 January, then the saves from the last second down.
    expect(lines[1]).toBe(`2024-01-02 08:00:00,'=cmd|'/c calc'!A1,,登录失败,auth.login_failed,账号,,,"'=HYPERLINK(""x"") ${label}",`);
    expect(lines[2]).toContain(`,保存报道,story.save,报道,已删除,${label}-1202,${label} 第1202条,`);
    expect(lines.at(-1)).toContain(`${label}-0,`);

    const dayOne = await GET(exportUrl(`q=${encodeURIComponent(label)}&from=2024-01-02&to=2024-01-02`));
    expect((await dayOne.text()).trimEnd().split("\r\n")).toHaveLength(2);
    await db.auditEvent.deleteMany({ where: { summary: { contains: label } } });
  });

  it("answers a bad date with a 400 and a message, not a file", async () => {
    await signInAs("admin");
    const response = await GET(exportUrl("from=2024-13-01"));
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("起始日期不是有效的日期");
  });
});
