import { stringify } from "csv-stringify/sync";
import type { AuditRow } from "@/lib/data/audit";

// The audit log as CSV for spreadsheets. Excel and WPS read a CSV as the system's ANSI code page
// (GBK on Chinese Windows) unless it starts with a UTF-8 byte order mark, so the first chunk
// carries one. A cell starting with = + - @ (or a tab or carriage return) would run as a formula
// when opened (CSV injection: a summary is partly typed by users); csv-stringify's escape_formulas
// prefixes such cells with ' so they read as text.

export const AUDIT_CSV_HEADER = ["时间（北京时间）", "操作人", "操作人邮箱", "操作", "操作类型代码", "对象类型", "对象", "对象编号", "摘要", "IP 地址"];

const BOM = "\uFEFF";

const timestamp = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hour12: false,
});

/** 2026-11-26 17:30:05 in Asia/Shanghai: sortable, and read as a date by spreadsheets. */
export function csvTimestamp(value: Date): string {
  return timestamp.format(value);
}

function cells(row: AuditRow): string[] {
  const record = row.record.removed ? "已删除" : (row.record.title ?? "");
  return [
    csvTimestamp(row.createdAt),
    row.actor?.name ?? (row.actorLabel || "系统"),
    row.actor?.email ?? "",
    row.typeLabel,
    row.type,
    row.record.typeLabel,
    record,
    row.record.id ?? "",
    row.summary,
    row.ip ?? "",
  ];
}

/** The byte order mark and the header line: the start of every export. */
export function auditCsvHead(): string {
  return BOM + stringify([AUDIT_CSV_HEADER], { record_delimiter: "windows" });
}

/** A batch of rows as CSV lines (CRLF, RFC 4180 quoting, formulas escaped). */
export function auditCsvRows(rows: readonly AuditRow[]): string {
  return stringify(rows.map(cells), { escape_formulas: true, record_delimiter: "windows" });
}
