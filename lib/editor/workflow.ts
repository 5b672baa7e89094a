import type { StoryStatus } from "@/generated/prisma/enums";

// The story workflow as data, so the server refuses an illegal move in one place and the editor shows
// only the buttons that can succeed. Corrections are not a move: they apply to a live story.
export type WorkflowAction = "submit" | "return" | "reject" | "publish" | "schedule" | "unpublish";

const MOVES: Record<WorkflowAction, { from: readonly StoryStatus[]; to: StoryStatus; editorOnly: boolean }> = {
  submit: { from: ["DRAFT", "UNPUBLISHED"], to: "IN_REVIEW", editorOnly: false },
  // Also reopens a rejected story for its author.
  return: { from: ["IN_REVIEW", "ARCHIVED"], to: "DRAFT", editorOnly: true },
  // Not taken: the story is archived; the author can no longer change it.
  reject: { from: ["IN_REVIEW"], to: "ARCHIVED", editorOnly: true },
  publish: { from: ["DRAFT", "IN_REVIEW", "SCHEDULED", "UNPUBLISHED"], to: "PUBLISHED", editorOnly: true },
  schedule: { from: ["DRAFT", "IN_REVIEW", "SCHEDULED", "UNPUBLISHED"], to: "SCHEDULED", editorOnly: true },
  unpublish: { from: ["PUBLISHED", "SCHEDULED"], to: "UNPUBLISHED", editorOnly: true },
};

export const STATUS_LABELS: Record<StoryStatus, string> = {
  DRAFT: "草稿",
  IN_REVIEW: "待审",
  SCHEDULED: "定时发布",
  PUBLISHED: "已发布",
  UNPUBLISHED: "已撤下",
  ARCHIVED: "已归档",
};

export const ACTION_LABELS: Record<WorkflowAction, string> = {
  submit: "提交审核",
  return: "退回修改",
  reject: "不予采用",
  publish: "立即发布",
  schedule: "定时发布",
  unpublish: "撤下",
};

/** Moves that tell the author why: the editor must give a reason, which the author is shown. */
export function needsReason(action: WorkflowAction): action is "return" | "reject" {
  return action === "return" || action === "reject";
}

/** The status a move leads to, or null when the move is not allowed from this status for this role. */
export function nextStatus(from: StoryStatus, action: WorkflowAction, isEditor: boolean): StoryStatus | null {
  const move = MOVES[action];
  if (move.editorOnly && !isEditor) return null;
  return move.from.includes(from) ? move.to : null;
}

/** Moves only an editor may make, whatever the story's status. */
export function isEditorOnly(action: WorkflowAction): boolean {
  return MOVES[action].editorOnly;
}

export function allowedActions(from: StoryStatus, isEditor: boolean): WorkflowAction[] {
  return (Object.keys(MOVES) as WorkflowAction[]).filter((action) => nextStatus(from, action, isEditor) !== null);
}

/**
 * The status as people mean it at `now`: a scheduled story whose time has passed is published. Stored
 * statuses are never flipped by a job; every list, filter and picker shows this instead.
 */
export function effectiveStatus(status: StoryStatus, publishedAt: Date | null, now: Date = new Date()): StoryStatus {
  return status === "SCHEDULED" && publishedAt !== null && publishedAt <= now ? "PUBLISHED" : status;
}

/** Readers can see it right now (the same rule as lib/data/visibility.ts, for one loaded story). */
export function isLive(status: StoryStatus, publishedAt: Date | null, now: Date = new Date()): boolean {
  return (status === "PUBLISHED" || status === "SCHEDULED") && publishedAt !== null && publishedAt <= now;
}

/** Live or about to go live: its slug is fixed and autosave must not push half-written text to readers. */
export function isReleased(status: StoryStatus): boolean {
  return status === "PUBLISHED" || status === "SCHEDULED";
}
