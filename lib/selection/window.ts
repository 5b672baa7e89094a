// The voting window of a selection, computed from its times and the clock on every read: opening
// and closing happen by themselves, the way a scheduled story goes live (lib/data/visibility.ts),
// with no job flipping a status. Callers pass `now` so tests never wait for a clock.

export type WindowState = "upcoming" | "open" | "closed";

export function windowState(selection: { opensAt: Date; closesAt: Date }, now: Date = new Date()): WindowState {
  if (now.getTime() < selection.opensAt.getTime()) return "upcoming";
  if (now.getTime() < selection.closesAt.getTime()) return "open";
  return "closed";
}

export const WINDOW_LABELS: Record<WindowState, string> = { upcoming: "未开始", open: "投票中", closed: "已结束" };

/** When the window state next changes (opening, then closing); null once closed for good. */
export function nextWindowChange(selection: { opensAt: Date; closesAt: Date }, now: Date = new Date()): Date | null {
  const state = windowState(selection, now);
  return state === "upcoming" ? selection.opensAt : state === "open" ? selection.closesAt : null;
}
