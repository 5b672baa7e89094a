import type { ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import os from "node:os";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import sharp from "sharp";
import { findFreePort } from "../scripts/lib/ports";
import { startS3Server, type RunningS3 } from "../scripts/lib/s3-server";
import { spawnStandalone, stopServer, waitForServer } from "../scripts/lib/standalone";
import { createStoryViaUi, markdownSource, saveAndExpectVersion, uniqueTitle } from "./editor-helpers";
import { signIn } from "./support/auth";
import { deleteStories, insertStory, uniqueWord, withDb } from "./site-fixtures";

// Two more standalone servers (A and B) on the e2e database, with media on a real S3-compatible
// server (s3rver) that this spec starts: what several replicas behind a load balancer look like.
// Staff work on A; readers on B must see every change, with B's caches filled before. How long each
// change took to reach B is printed (the 1 s goal is a figure for the closing note, not an assertion:
// a loaded machine must not fail a correct build).

test.describe.configure({ mode: "serial", timeout: 180_000 });

// Long enough that only a change that never arrives (a missed notice) fails the test.
const DEADLINE_MS = 15_000;
let s3: RunningS3;
const servers: ChildProcess[] = [];
let A = "";
let B = "";
const delays: { change: string; ms: number }[] = [];
const createdStoryIds: string[] = [];

test.beforeAll(async () => {
  test.setTimeout(240_000);
  s3 = await startS3Server();
  const portA = await findFreePort();
  let portB = await findFreePort();
  while (portB === portA) portB = await findFreePort();
  A = `http://127.0.0.1:${portA}`;
  B = `http://127.0.0.1:${portB}`;
  for (const [port, base] of [[portA, A], [portB, B]] as const) {
    // A local folder neither process shares: an image served by B can only have come from the bucket.
    const env = { ...process.env, ...s3.env, SITE_URL: base, NEXTAUTH_URL: base, UPLOAD_DIR: path.join(os.tmpdir(), `roundup-local-${port}`) };
    servers.push(spawnStandalone(port, env));
  }
  await Promise.all(servers.map((server, index) => waitForServer(`${index === 0 ? A : B}/api/health`, server)));
});

test.afterAll(async () => {
  await Promise.all(servers.map((server) => stopServer(server)));
  await s3?.stop();
  if (createdStoryIds.length) await withDb((client) => deleteStories(client, createdStoryIds));
  if (delays.length) console.log(`two-process freshness (change on A → visible on B): ${delays.map((d) => `${d.change} ${d.ms} ms`).join(", ")}`);
});

async function staffOn(browser: Browser, base: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: base, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  page.on("dialog", (dialog) => void dialog.accept());
  await signIn(page, "editor@roundup.local");
  return page;
}

async function read(url: string): Promise<{ status: number; text: string }> {
  const response = await fetch(url);
  return { status: response.status, text: await response.text() };
}

/** B's story page and home page, fetched together (a check is as slow as one render, not two). */
async function onB(slug: string): Promise<{ story: { status: number; text: string }; home: string }> {
  const [story, home] = await Promise.all([read(`${B}/stories/${slug}`), read(`${B}/`)]);
  return { story, home: home.text };
}

/** Polls B until the condition holds; fails after DEADLINE_MS; records how long it took. */
async function visibleOnB(change: string, check: () => Promise<boolean>): Promise<void> {
  const started = Date.now();
  await expect.poll(check, { timeout: DEADLINE_MS, intervals: [25] }).toBe(true);
  delays.push({ change, ms: Date.now() - started });
}

test("a story published, edited and unpublished on A shows so on B", async ({ browser }) => {
  const editor = await staffOn(browser, A);
  const title = uniqueTitle("双进程报道");
  const storyUrl = await createStoryViaUi(editor, title);
  createdStoryIds.push(storyUrl.split("/").pop()!);
  await (await markdownSource(editor)).fill("两个进程共享一个数据库。");
  await saveAndExpectVersion(editor, 2);
  const slug = await editor.getByLabel("网址别名").inputValue();

  // B has the home page and the (missing) story cached before anything changes.
  for (let i = 0; i < 2; i++) {
    expect((await read(`${B}/`)).text).not.toContain(title);
    expect((await read(`${B}/stories/${slug}`)).status).toBe(404);
  }

  await editor.getByRole("button", { name: "立即发布" }).click();
  await expect(editor.getByText("状态：已发布")).toBeVisible();
  await visibleOnB("publish", async () => {
    const { story, home } = await onB(slug);
    return story.status === 200 && home.includes(title);
  });

  const corrected = `${title}（更新）`;
  await editor.getByLabel("标题", { exact: true }).fill(corrected);
  await saveAndExpectVersion(editor, 3);
  await visibleOnB("edit", async () => {
    const { story, home } = await onB(slug);
    return story.text.includes(corrected) && home.includes(corrected);
  });

  await editor.getByRole("button", { name: "撤下", exact: true }).click();
  await editor.getByRole("dialog", { name: `撤下《${corrected}》？` }).getByRole("button", { name: "确认撤下" }).click();
  await expect(editor.getByText("状态：已撤下")).toBeVisible();
  await visibleOnB("unpublish", async () => {
    const { story, home } = await onB(slug);
    return story.status === 404 && !home.includes(title);
  });
});

test("a scheduled story goes live on both processes at its time", async () => {
  const word = uniqueWord();
  const slug = `e2e-two-${word.slice(2)}`;
  const title = `双进程定时 ${word}`;
  // Both processes have the home page and the missing story cached before the story is scheduled.
  for (const base of [A, B]) {
    expect((await read(`${base}/`)).text).not.toContain(title);
    expect((await read(`${base}/stories/${slug}`)).status).toBe(404);
  }
  const publishedAt = new Date(Date.now() + 4_000);
  await withDb(async (client) => {
    createdStoryIds.push(await insertStory(client, { slug, title, body: "定时上线的正文。", status: "SCHEDULED", publishedAt }));
  });
  for (const base of [A, B]) expect((await read(`${base}/stories/${slug}`)).status).toBe(404);
  for (const base of [A, B]) {
    await expect.poll(async () => (await read(`${base}/`)).text.includes(title) && (await read(`${base}/stories/${slug}`)).status === 200, { timeout: 15_000, intervals: [250] }).toBe(true);
  }
});

test("an image uploaded through A is served by B from the bucket", async ({ browser }) => {
  const editor = await staffOn(browser, A);
  await editor.goto("/editor/media");
  const alt = uniqueTitle("双进程图片");
  const png = await sharp({ create: { width: 900, height: 600, channels: 3, background: `#${crypto.randomBytes(3).toString("hex")}` } }).png().toBuffer();
  await editor.getByLabel("图片文件（JPEG、PNG、WebP、AVIF，最大 10 MB）").setInputFiles({ name: "two.png", mimeType: "image/png", buffer: png });
  await editor.getByLabel("替代文字（必填）").fill(alt);
  await editor.getByRole("button", { name: "上传", exact: true }).click();
  await expect(editor.getByText("图片已上传。")).toBeVisible();
  const src = await editor.getByRole("img", { name: alt }).getAttribute("src");
  expect(src).toMatch(/^\/media\//);

  const fromA = await fetch(`${A}${src}`);
  const fromB = await fetch(`${B}${src}`);
  expect(fromB.status).toBe(200);
  expect(fromB.headers.get("content-type")).toBe("image/png");
  const bytesA = Buffer.from(await fromA.arrayBuffer());
  const bytesB = Buffer.from(await fromB.arrayBuffer());
  expect(bytesB.equals(bytesA)).toBe(true);
  expect((await sharp(bytesB).metadata()).width).toBe(900);
  const etag = fromB.headers.get("etag");
  expect(etag).toBeTruthy();
  expect(fromA.headers.get("etag")).toBe(etag);
  expect((await fetch(`${B}${src}`, { headers: { "If-None-Match": etag! } })).status).toBe(304);

  // Removed through A: gone from the bucket, so B answers 404 too.
  await editor.getByRole("button", { name: `删除：${alt}` }).click();
  await editor.getByRole("dialog", { name: `删除图片「${alt}」？` }).getByRole("button", { name: "确认删除" }).click();
  await expect(editor.getByRole("img", { name: alt })).toHaveCount(0);
  expect((await fetch(`${B}${src}`)).status).toBe(404);
});
