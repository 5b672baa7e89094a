// npm run bench:lighthouse: what a reader's browser receives. The production build on a throwaway
// embedded database with the demo content (plus one generated photo, so one story has a lead image),
// then (1) the bytes of each reader page: HTML, its inline React payload and its scripts, raw and
// gzipped; (2) Lighthouse's mobile preset on home, the roundup and a story with and without a lead
// image, through Debian's Chromium. Prints figures with the load average; it passes or fails nothing.
// `--weight-only` skips Lighthouse.
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import sharp from "sharp";
import { createPrismaClient } from "../lib/db-client";
import { processImage } from "../lib/media/image";
import { DEMO_ROUNDUP } from "../prisma/demo-content";
import { startBenchDatabase } from "./lib/bench-db";
import { buildIfNeeded } from "./lib/build";
import { exitOnStartupError, info } from "./lib/log";
import { findFreePort } from "./lib/ports";
import { spawnStandalone, stopServer, waitForServer } from "./lib/standalone";

// Two demo stories: the first gets the generated photo; the second has no lead photo at all.
const STORY_WITH_PHOTO = "dongbei-quanmian-zhenxing-jilin-shangshengqi-kuaichedao";
const STORY_WITHOUT_PHOTO = "jilin-liangshi-chanliang-837-3-yi-jin";

const PAGES = [
  { name: "home", path: "/", lighthouse: true },
  { name: "roundup", path: `/roundups/${DEMO_ROUNDUP.slug}`, lighthouse: true },
  { name: "story with lead image", path: `/stories/${STORY_WITH_PHOTO}`, lighthouse: true },
  { name: "story without image", path: `/stories/${STORY_WITHOUT_PHOTO}`, lighthouse: true },
  { name: "search (粮食)", path: `/search?q=${encodeURIComponent("粮食")}`, lighthouse: false },
  { name: "section", path: "/sections/jingji", lighthouse: false },
];

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;

const loadAverage = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const gzipSize = (bytes: Buffer | string) => zlib.gzipSync(bytes).length;

/** A noisy photo-like JPEG, processed and stored exactly as an upload would be, as a story's lead. */
async function attachGeneratedPhoto(databaseUrl: string, uploadDir: string): Promise<void> {
  const jpeg = await sharp({ create: { width: 2400, height: 1600, channels: 3, background: "#6b8fb3", noise: { type: "gaussian", mean: 120, sigma: 40 } } })
    .jpeg({ quality: 80 })
    .toBuffer();
  const image = await processImage(jpeg, { mime: "image/jpeg", ext: "jpg" });
  for (const file of [image.master, ...image.variants]) {
    const target = path.join(uploadDir, file.key);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, file.bytes);
  }
  const client = createPrismaClient(databaseUrl, { max: 1 });
  try {
    const story = await client.story.findUniqueOrThrow({ where: { slug: STORY_WITH_PHOTO }, select: { id: true, authorId: true } });
    const media = await client.media.create({
      data: {
        storageKey: image.master.key,
        mimeType: image.master.mime,
        width: image.master.width,
        height: image.master.height,
        byteSize: image.master.bytes.length,
        variants: image.variants.map(({ key, width, height }) => ({ key, width, height })),
        alt: "长春街景（压测用的生成图片）",
        caption: "压测用的生成图片。",
        credit: "Roundup 压测",
        uploadedById: story.authorId,
      },
      select: { id: true },
    });
    await client.story.update({ where: { id: story.id }, data: { leadMediaId: media.id } });
  } finally {
    await client.$disconnect();
  }
}

type Weight = { name: string; html: number; htmlGzip: number; payload: number; scripts: number; js: number; jsGzip: number };

/** One page's HTML, its inline React payload (the self.__next_f scripts) and every script it loads. */
async function pageWeight(base: string, name: string, pagePath: string): Promise<Weight> {
  const html = await (await fetch(base + pagePath)).text();
  const payload = [...html.matchAll(/<script>(self\.__next_f\.push[\s\S]*?)<\/script>/g)].reduce((sum, m) => sum + Buffer.byteLength(m[1] ?? ""), 0);
  // Scripts a current browser runs: the noModule polyfills only load in browsers without modules.
  const tags = [...html.matchAll(/<script([^>]*)\ssrc="([^"]+)"([^>]*)>/g)].filter((m) => !/noModule/i.test(`${m[1]}${m[3]}`));
  const sources = [...new Set(tags.map((m) => (m[2] ?? "").replace(/&amp;/g, "&")))];
  let js = 0;
  let jsGzip = 0;
  for (const source of sources) {
    const bytes = Buffer.from(await (await fetch(new URL(source, base))).arrayBuffer());
    js += bytes.length;
    jsGzip += gzipSize(bytes);
  }
  return { name, html: Buffer.byteLength(html), htmlGzip: gzipSize(html), payload, scripts: sources.length, js, jsGzip };
}

type Scores = { name: string; scores: Record<string, number>; flagged: string[]; load: string };

async function runLighthouse(url: string, name: string): Promise<Scores> {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-domain-reliability", "--no-first-run"],
  });
  try {
    // No config: Lighthouse's default is the mobile preset (Moto G Power, simulated slow 4G).
    const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: [...CATEGORIES] });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    const scores: Record<string, number> = {};
    const flagged = new Set<string>();
    for (const id of CATEGORIES) {
      const category = lhr.categories[id];
      scores[id] = Math.round((category?.score ?? 0) * 100);
      for (const ref of category?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id];
        // Audits that count toward the score and lost points; metrics are shown through the score.
        if (audit && ref.weight > 0 && audit.score !== null && audit.score < 1 && ref.group !== "metrics") flagged.add(`${ref.id}${audit.displayValue ? ` (${audit.displayValue})` : ""}`);
      }
    }
    const metric = (id: string) => lhr.audits[id]?.displayValue;
    flagged.add(`FCP ${metric("first-contentful-paint")}, LCP ${metric("largest-contentful-paint")}, TBT ${metric("total-blocking-time")}, CLS ${metric("cumulative-layout-shift")}`);
    return { name, scores, flagged: [...flagged], load: loadAverage() };
  } finally {
    chrome.kill();
  }
}

async function main(): Promise<void> {
  const weightOnly = process.argv.includes("--weight-only");
  const db = await startBenchDatabase();
  const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), "roundup-bench-uploads-"));
  let server: ChildProcess | undefined;
  try {
    const port = Number(process.env.BENCH_PORT ?? (await findFreePort(3203)));
    const base = `http://127.0.0.1:${port}`;
    const env = { ...process.env, DATABASE_URL: db.url, AUTH_SECRET: db.authSecret, SITE_URL: base, NEXTAUTH_URL: base, NEXT_TELEMETRY_DISABLED: "1", UPLOAD_DIR: uploadDir };
    buildIfNeeded(env);
    await attachGeneratedPhoto(db.url, uploadDir);
    server = spawnStandalone(port, env);
    await waitForServer(`${base}/api/health`, server);
    // Fill the caches, as the first readers would: the figures are for cached pages.
    for (const page of PAGES) await (await fetch(base + page.path)).text();

    const weights: Weight[] = [];
    for (const page of PAGES) weights.push(await pageWeight(base, page.name, page.path));
    console.log(`\nPage weight (production build, cached pages; scripts a module-capable browser loads; gzip at zlib's default level). Load average ${loadAverage()}\n`);
    console.log("| page | HTML KB | HTML gzip KB | inline payload KB | scripts | JS KB | JS gzip KB |");
    console.log("|---|---:|---:|---:|---:|---:|---:|");
    for (const w of weights) {
      console.log(`| ${w.name} | ${kb(w.html)} | ${kb(w.htmlGzip)} | ${kb(w.payload)} | ${w.scripts} | ${kb(w.js)} | ${kb(w.jsGzip)} |`);
    }
    if (weightOnly) return;

    const results: Scores[] = [];
    for (const page of PAGES.filter((p) => p.lighthouse)) {
      info(`Lighthouse (mobile) on ${page.name}…`);
      results.push(await runLighthouse(base + page.path, page.name));
    }
    console.log(`\nLighthouse mobile preset, Chromium at ${process.env.CHROMIUM_PATH || "/usr/bin/chromium"}\n`);
    console.log("| page | performance | accessibility | best practices | SEO | load average (1/5/15 min) |");
    console.log("|---|---:|---:|---:|---:|---|");
    for (const r of results) {
      console.log(`| ${r.name} | ${CATEGORIES.map((c) => r.scores[c]).join(" | ")} | ${r.load} |`);
    }
    console.log("\nWhat lost points (and the page's metrics):");
    for (const r of results) console.log(`- ${r.name}: ${r.flagged.join("; ")}`);
    console.log("\nGoal: 100 on every category; the performance score is timing and dips on a loaded machine.");
  } finally {
    if (server) await stopServer(server);
    await db.stop();
    fs.rmSync(uploadDir, { recursive: true, force: true });
  }
}

main().then(() => process.exit(0), exitOnStartupError);
