import net from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/roles";
import { addStoryNote, setStoryFollow } from "@/lib/data/story-notes";
import { transitionStory } from "@/lib/data/story-workflow";
import { closeMail, pendingMail, settleMail } from "@/lib/mail/outbox";
import { createActor, removeContentOf } from "./support/actors";
import { createStory } from "./support/fixtures";
import { uniqueId } from "./support/db";

// E-mail of the review loop against a real SMTP server started here (smtp-server, a local sink on
// port 3661), and against one that accepts connections and never answers (port 3662): the action
// must finish without waiting for it, and the message is given up on after MAIL_TIMEOUT_MS.

const SINK_PORT = 3661;
const SILENT_PORT = 3662;

type Received = { to: string[]; subject: string; text: string };

describe("review-loop e-mail", () => {
  const received: Received[] = [];
  let sink: SMTPServer;
  let silent: net.Server;
  const hung = new Set<net.Socket>();
  let author: Actor;
  let editor: Actor;
  const saved = { SMTP_URL: process.env.SMTP_URL, MAIL_FROM: process.env.MAIL_FROM, MAIL_TIMEOUT_MS: process.env.MAIL_TIMEOUT_MS };

  beforeAll(async () => {
    sink = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData(stream, session, callback) {
        simpleParser(stream).then(
          (mail) => {
            received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), subject: mail.subject ?? "", text: mail.text ?? "" });
            callback();
          },
          (error: Error) => callback(error),
        );
      },
    });
    await new Promise<void>((resolve) => sink.listen(SINK_PORT, "127.0.0.1", resolve));
    // Accepts the connection and then says nothing: no greeting, ever.
    silent = net.createServer((socket) => {
      hung.add(socket);
      socket.on("close", () => hung.delete(socket));
    });
    await new Promise<void>((resolve) => silent.listen(SILENT_PORT, "127.0.0.1", resolve));
    [author, editor] = await Promise.all([createActor(db, "JOURNALIST"), createActor(db, "EDITOR")]);
  });

  afterEach(async () => {
    await settleMail();
    closeMail();
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    vi.restoreAllMocks();
  });

  afterAll(async () => {
    for (const socket of hung) socket.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
    await new Promise<void>((resolve) => sink.close(() => resolve()));
    await removeContentOf(db, [author, editor]);
  });

  const useSink = () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${SINK_PORT}`;
    process.env.MAIL_FROM = "Roundup 编辑部 <newsroom@test.roundup.local>";
  };
  const arrived = (subject: string) => received.filter((mail) => mail.subject === subject);

  it("sends nothing while SMTP_URL is unset (the default)", async () => {
    delete process.env.SMTP_URL;
    const story = await createStory(db, author.id, { title: uniqueId("不发信") });
    await transitionStory(author, { id: story.id, action: "submit", publishAt: null });
    expect(pendingMail()).toBe(0);
  });

  it("tells editors of a submission, the author of a return with its reason, and followers of a note", async () => {
    useSink();
    const title = uniqueId("邮件稿");
    const story = await createStory(db, author.id, { title });

    await transitionStory(author, { id: story.id, action: "submit", publishAt: null });
    await settleMail();
    const submitted = arrived(`【待审核】《${title}》`);
    expect(submitted).toHaveLength(1);
    expect(submitted[0]?.to).toContain(editor.email);
    expect(submitted[0]?.to).not.toContain(author.email);

    await transitionStory(editor, { id: story.id, action: "return", publishAt: null, reason: "请补充采访对象的全名。" });
    await settleMail();
    const returned = arrived(`【退回修改】《${title}》`);
    expect(returned.map((mail) => mail.to)).toEqual([[author.email]]);
    expect(returned[0]?.text).toContain("原因：请补充采访对象的全名。");
    expect(returned[0]?.text).toContain(`/editor/stories/${story.id}`);

    await setStoryFollow(editor, { id: story.id, follow: true });
    await addStoryNote(author, { id: story.id, body: "已补充，请再看看。" });
    await settleMail();
    const noted = arrived(`【新留言】《${title}》`);
    // Followers other than the writer: the editor, not the author who wrote it.
    expect(noted.map((mail) => mail.to)).toEqual([[editor.email]]);
    expect(noted[0]?.text).toContain("已补充，请再看看。");
  });

  it("an SMTP server that never answers neither fails nor holds up the action; the message is given up on after the timeout", async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${SILENT_PORT}`;
    process.env.MAIL_TIMEOUT_MS = "500";
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const story = await createStory(db, author.id, { title: uniqueId("服务器无应答") });

    // The action returns while its message is still stuck waiting for a greeting that never comes.
    await expect(transitionStory(editor, { id: story.id, action: "publish", publishAt: null })).resolves.toBeDefined();
    expect(pendingMail()).toBe(1);
    expect((await db.story.findUniqueOrThrow({ where: { id: story.id } })).status).toBe("PUBLISHED");

    await settleMail();
    expect(pendingMail()).toBe(0);
    expect(logged.mock.calls.some(([line]) => String(line).startsWith("[mail] not sent (【已发布】"))).toBe(true);
  });

  it("an unreachable SMTP server (connection refused) is logged, and the action succeeds", async () => {
    // The silent server's port once it is closed: nothing listens there.
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const story = await createStory(db, author.id, { title: uniqueId("连不上") });
    await addStoryNote(editor, { id: story.id, body: "连不上邮件服务器也要能留言。" });
    await settleMail();
    expect(await db.storyNote.count({ where: { storyId: story.id } })).toBe(1);
    expect(logged.mock.calls.some(([line]) => String(line).startsWith("[mail] not sent (【新留言】"))).toBe(true);
  });
});
