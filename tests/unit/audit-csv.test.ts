import { describe, expect, it } from "vitest";
import { AUDIT_CSV_HEADER, auditCsvHead, auditCsvRows, csvTimestamp } from "@/lib/audit-csv";
import type { AuditRow } from "@/lib/data/audit";

function row(patch: Partial<AuditRow> = {}): AuditRow {
  return {
    id: "e1",
    createdAt: new Date("2026-11-26T09:30:05Z"),
    type: "story.publish",
    typeLabel: "发布报道",
    actor: { id: "u1", name: "王编辑", email: "wang@example.com" },
    actorLabel: "",
    record: { type: "story", typeLabel: "报道", id: "s1", title: "粮食总产量创新高", href: "/editor/stories/s1", removed: false },
    summary: "《粮食总产量创新高》草稿 → 已发布",
    ip: null,
    ...patch,
  };
}

describe("audit CSV", () => {
  it("starts with a UTF-8 byte order mark and a Chinese header line", () => {
    const head = auditCsvHead();
    expect(head.charCodeAt(0)).toBe(0xfeff);
    expect(head.slice(1)).toBe(`${AUDIT_CSV_HEADER.join(",")}\r\n`);
    expect(Buffer.from(head, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it("writes names, labels and Beijing time, one CRLF line per event", () => {
    expect(auditCsvRows([row()])).toBe("2026-11-26 17:30:05,王编辑,wang@example.com,发布报道,story.publish,报道,粮食总产量创新高,s1,《粮食总产量创新高》草稿 → 已发布,\r\n");
    expect(csvTimestamp(new Date("2026-01-01T00:00:00Z"))).toBe("2026-01-01 08:00:00");
  });

  it("quotes commas, quotes and line breaks", () => {
    const line = auditCsvRows([row({ summary: '他说："好，\n就这样"' })]);
    expect(line).toContain('"他说：""好，\n就这样"""');
  });

  it("prefixes cells that a spreadsheet would run as a formula", () => {
    for (const start of ["=", "+", "-", "@"]) {
      const line = auditCsvRows([row({ summary: `${start}HYPERLINK("http://evil.example","点我")`, actor: null, actorLabel: `${start}1+1` })]);
      expect(line).toContain(`'${start}1+1`);
      expect(line).toContain(`"'${start}HYPERLINK(""http://evil.example"",""点我"")"`);
    }
    // Text that merely contains those characters is left alone.
    expect(auditCsvRows([row({ summary: "a=b, c-d" })])).toContain('"a=b, c-d"');
  });

  it("names removed records and actors without an account", () => {
    const line = auditCsvRows([row({ actor: null, actorLabel: "", record: { type: "story", typeLabel: "报道", id: "gone", title: null, href: null, removed: true } })]);
    expect(line).toBe("2026-11-26 17:30:05,系统,,发布报道,story.publish,报道,已删除,gone,《粮食总产量创新高》草稿 → 已发布,\r\n");
  });
});
