import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { AuditInput } from "@/lib/data/audit";
import {
  AUDIT_EVENT_LABELS,
  AUDIT_EVENT_TYPES,
  AUDIT_FAMILIES,
  AUDIT_FAMILY_LABELS,
  AUDIT_RECORD_LABELS,
  AUDIT_RECORD_TYPES,
  auditEventLabel,
  auditEventTypesOf,
  auditRecordLabel,
} from "@/lib/audit-vocabulary";
import { ACTION_LABELS } from "@/lib/editor/workflow";

const ROOT = path.resolve(__dirname, "../..");
const CHINESE = /\p{Script=Han}/u;

/** Every .ts/.tsx file under these folders of the repository. */
function sourceFiles(...folders: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name)) out.push(full);
    }
  };
  for (const folder of folders) walk(path.join(ROOT, folder));
  return out;
}

describe("audit vocabulary", () => {
  it("gives every event type, family and record type a Chinese label", () => {
    for (const [type, label] of Object.entries({ ...AUDIT_EVENT_LABELS, ...AUDIT_FAMILY_LABELS, ...AUDIT_RECORD_LABELS })) {
      expect(label, type).toMatch(CHINESE);
    }
    expect(new Set(Object.values(AUDIT_EVENT_LABELS)).size, "two event types share a label").toBe(AUDIT_EVENT_TYPES.length);
  });

  it("uses lowercase dotted keys whose family is known", () => {
    for (const type of AUDIT_EVENT_TYPES) {
      expect(type).toMatch(/^[a-z]+\.[a-z_]+$/);
      expect(AUDIT_FAMILIES).toContain(type.split(".")[0]);
    }
    for (const type of AUDIT_RECORD_TYPES) expect(type).toMatch(/^[a-z]+$/);
    for (const family of AUDIT_FAMILIES) expect(auditEventTypesOf(family).length, family).toBeGreaterThan(0);
  });

  it("labels every event type the code writes", () => {
    // recordAudit's parameter is typed with the vocabulary, so tsc refuses an unknown type; this also
    // covers the writers that use the Prisma client directly (seed, create-admin) and the workflow's
    // `story.${action}` template.
    const writers = sourceFiles("lib", "app", "scripts", "prisma").filter((file) => /recordAudit\(|auditEvent\.create/.test(fs.readFileSync(file, "utf8")));
    expect(writers.length).toBeGreaterThan(5);
    const written = new Set<string>();
    for (const file of writers) {
      const text = fs.readFileSync(file, "utf8");
      for (const match of text.matchAll(/"((?:[a-z]+)\.[a-z_]+)"/g)) {
        const literal = match[1] ?? "";
        if (AUDIT_FAMILIES.some((family) => literal.startsWith(`${family}.`))) written.add(literal);
      }
    }
    for (const action of Object.keys(ACTION_LABELS)) written.add(`story.${action}`);
    expect(written.size).toBeGreaterThan(20);
    for (const type of written) expect(Object.keys(AUDIT_EVENT_LABELS), `${type} has no label in lib/audit-vocabulary.ts`).toContain(type);
  });

  it("refuses, at compile time, an event or record type outside the vocabulary", () => {
    const known: AuditInput = { actorId: null, action: "story.publish", entityType: "story", summary: "x" };
    // @ts-expect-error: "Story" (capitalised) is not a record type of the vocabulary
    const capitalised: AuditInput = { actorId: null, action: "story.publish", entityType: "Story", summary: "x" };
    // @ts-expect-error: an event type without a label can't be written
    const unlabelled: AuditInput = { actorId: null, action: "story.invented", entityType: "story", summary: "x" };
    expect([known, capitalised, unlabelled]).toHaveLength(3);
  });

  it("shows a label for known types and the stored text for retired ones", () => {
    expect(auditEventLabel("auth.login")).toBe("登录成功");
    expect(auditEventLabel("roundup.publish")).toBe("发布榜单");
    expect(auditEventLabel("old.thing")).toBe("old.thing");
    expect(auditRecordLabel("story")).toBe("报道");
    expect(auditRecordLabel("toString")).toBe("toString");
  });
});
