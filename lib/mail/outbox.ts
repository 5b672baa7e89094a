import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { getMailEnv } from "@/lib/env";

// Review-loop e-mail, sent in the background after the change it reports has committed. Nothing here
// is awaited by an action: a slow or unreachable mail server costs the action nothing, and a failure
// is logged, never thrown. The outbox is bounded (a mail server that is down can't make the process
// hold an ever-growing backlog) and every connection gives up after MAIL_TIMEOUT_MS.

export type Mail = { to: string[]; subject: string; text: string };

/** At most this many messages wait or are being sent at once; further ones are dropped and logged. */
export const OUTBOX_LIMIT = 100;

let transport: { url: string; timeout: number; transporter: Transporter } | undefined;
const inFlight = new Set<Promise<void>>();

/** Whether mail is configured; callers skip looking up recipients when it isn't. */
export function mailEnabled(): boolean {
  return getMailEnv().SMTP_URL !== undefined;
}

function transporterFor(url: string, timeout: number): Transporter {
  if (transport?.url !== url || transport.timeout !== timeout) {
    transport?.transporter.close();
    // A small pool: messages queue inside nodemailer, at most two connections to the server.
    // Spelled out from the URL: nodemailer's own `url` option lets the URL's parsed fields override
    // the timeouts below, and the action must never wait the library's 30 s default on a silent server.
    const parsed = new URL(url);
    const secure = parsed.protocol === "smtps:";
    const transporter = nodemailer.createTransport({
      host: parsed.hostname,
      port: parsed.port ? Number(parsed.port) : secure ? 465 : 587,
      secure,
      ...(parsed.username ? { auth: { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } } : {}),
      pool: true,
      maxConnections: 2,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    });
    transport = { url, timeout, transporter };
  }
  return transport.transporter;
}

/** Hands messages to the background sender and returns at once. */
export function queueMail(mails: Mail[]): void {
  const env = getMailEnv();
  if (!env.SMTP_URL) return;
  const transporter = transporterFor(env.SMTP_URL, env.MAIL_TIMEOUT_MS);
  for (const mail of mails) {
    if (mail.to.length === 0) continue;
    if (inFlight.size >= OUTBOX_LIMIT) {
      console.error(`[mail] outbox full (${OUTBOX_LIMIT}); not sent: ${mail.subject}`);
      continue;
    }
    const job: Promise<void> = transporter
      .sendMail({ from: env.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text })
      .then(
        () => undefined,
        (error: unknown) => console.error(`[mail] not sent (${mail.subject}): ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => inFlight.delete(job));
    inFlight.add(job);
  }
}

/** Messages handed over and not yet sent or given up on (tests and shutdown wait on this). */
export function pendingMail(): number {
  return inFlight.size;
}

/** Resolves once every message handed over so far was sent or given up on. */
export async function settleMail(): Promise<void> {
  await Promise.allSettled([...inFlight]);
}

/** Closes the mail server connections (tests, or a process that is stopping). */
export function closeMail(): void {
  transport?.transporter.close();
  transport = undefined;
}
