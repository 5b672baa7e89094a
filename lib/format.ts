// Dates are shown the way the newsroom writes them, in its own time zone: 2023年11月28日.
const dateFormat = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "long", day: "numeric" });
const dateTimeFormat = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "long",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

export function formatDate(value: Date | string): string {
  return dateFormat.format(new Date(value));
}

export function formatDateTime(value: Date | string): string {
  return dateTimeFormat.format(new Date(value));
}

const clockFormat = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", hour: "2-digit", minute: "2-digit", hour12: false });

/** "20:18": a time of day in the newsroom's zone (the editor's 已自动保存 line). */
export function formatClock(value: Date): string {
  return clockFormat.format(value);
}

/**
 * A roundup's selecting body is stored as a name ("吉林日报社"); pages add the verb once. Anything
 * typed with the verb or a leading 由 ("由吉林日报社选出") is reduced to the name before it is stored.
 */
export function publisherName(text: string): string {
  return text.trim().replace(/^由/, "").replace(/(?:选出|评选|评出|推选)+$/, "").trim();
}

/** "吉林日报社选出": how every page names who selected a roundup. */
export function selectedBy(publisher: string): string {
  return `${publisher}选出`;
}
