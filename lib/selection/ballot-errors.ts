// The reasons a ballot was refused, as short keys for the voting page's address (?error=…): the page
// shows its own Chinese text for each, so nobody can put words on the page through a link.
export const BALLOT_ERROR_TEXT = {
  formExpired: "投票表单已失效或被改动，请刷新页面后重新投票。",
  notOpen: "投票尚未开始，请在开始后再来。",
  closed: "投票已经结束，感谢关注。",
  tooMany: "选择的项目超过了上限，请减少后再提交。",
  duplicate: "同一个候选只能选一次。",
  unknown: "所选的候选不在本次评选中，请刷新页面后重新选择。",
  forgedCookie: "投票凭证无效（可能被改动过），请刷新页面后重新投票。",
  alreadyVoted: "你已经在本次评选中投过票了，每位读者只能投一次。",
  replayedKey: "这张投票表单已经提交过了：第一次提交的选择已经记下，不能再更改。",
  empty: "请至少选择一项。",
  rateLimited: "这个网络投票过于频繁，请稍后再试。",
  failed: "投票没有保存成功，请稍后重试。",
} as const;

export type BallotErrorKey = keyof typeof BALLOT_ERROR_TEXT;

export function ballotErrorText(key: string | undefined, maxChoices: number): string | null {
  if (!key || !(key in BALLOT_ERROR_TEXT)) return null;
  if (key === "tooMany") return `最多只能选 ${maxChoices} 项，请减少后再提交。`;
  return BALLOT_ERROR_TEXT[key as BallotErrorKey];
}
