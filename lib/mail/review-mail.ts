import "server-only";
import { getSiteUrl } from "@/lib/env";
import type { Mail } from "@/lib/mail/outbox";

// The wording of the review loop's e-mails: short Chinese subjects naming what happened and the
// story, and a link back to the story in the editor. Plain text only.

export type ReviewEvent = "submit" | "return" | "reject" | "publish" | "note";

const SUBJECTS: Record<ReviewEvent, string> = {
  submit: "待审核",
  return: "退回修改",
  reject: "不予采用",
  publish: "已发布",
  note: "新留言",
};

export function reviewMail(input: { event: ReviewEvent; to: string[]; storyId: string; title: string; actorName: string; text?: string | null }): Mail {
  const link = `${getSiteUrl()}/editor/stories/${input.storyId}`;
  const lead: Record<ReviewEvent, string> = {
    submit: `${input.actorName} 提交了《${input.title}》，等待审核。`,
    return: `${input.actorName} 退回了《${input.title}》，请修改后重新提交。`,
    reject: `${input.actorName} 决定《${input.title}》不予采用。`,
    publish: `${input.actorName} 发布了《${input.title}》。`,
    note: `${input.actorName} 在《${input.title}》留言：`,
  };
  const detail = input.text ? `\n\n${input.event === "return" || input.event === "reject" ? "原因：" : ""}${input.text}` : "";
  return {
    to: input.to,
    subject: `【${SUBJECTS[input.event]}】《${input.title}》`,
    text: `${lead[input.event]}${detail}\n\n打开报道：${link}\n\n——Roundup 编辑部（这封邮件由系统发送）`,
  };
}
