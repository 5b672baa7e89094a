// npm run import -- FILE [--dry-run] [--json] [--as EMAIL] [--allow-duplicate]
// npm run import -- --outline OUTLINE.json [--dry-run] [--as EMAIL] [--allow-duplicate]
// Turns a roundup document into draft roundups with draft stories (or, with --dry-run, only shows
// what it would create). `--dry-run --json` prints the outline (the parser's reading, never refused
// for its structure); corrected by hand, it comes back in with --outline. Runs with the react-server
// condition so the data layer's server-only guard accepts it.
import fs from "node:fs";
import { parseArgs } from "node:util";
import { createPrismaClient } from "../lib/db-client";
import { AppError } from "../lib/errors";
import { decodeDocumentWithEncoding, MAX_DOCUMENT_BYTES } from "../lib/import/decode";
import { ImportError } from "../lib/import/errors";
import { documentFingerprint, parseRoundupDocument, readDocumentOutline, toImportJson, type ParsedDocument } from "../lib/import/parse";
import { importOutlineSchema, outlineProblems, type ImportOutline } from "../lib/validation/import-outline";
import { openDatabase } from "./lib/database";
import { loadEnvFile } from "./lib/env-file";
import { StartupError, exitOnStartupError } from "./lib/log";
import { migrateDatabase } from "./lib/prisma-cli";

const USAGE = [
  "用法：npm run import -- 文件 [--dry-run] [--json] [--as 邮箱] [--allow-duplicate]",
  "      npm run import -- --outline 大纲.json [--dry-run] [--as 邮箱] [--allow-duplicate]",
  "（--dry-run --json 输出的就是大纲；改好后用 --outline 导入。）",
].join("\n");

const OUTLINE_HINT = "可以先用 --dry-run --json > 大纲.json 导出大纲，改好后用 --outline 大纲.json 导入。";

function say(message: string, json: boolean) {
  // With --json, stdout carries only the JSON document.
  (json ? process.stderr : process.stdout).write(`${message}\n`);
}

type Plan = { outline: ImportOutline | ParsedDocument; fingerprint: string; warnings: string[] };

function readDocumentFile(file: string): string {
  if (!fs.existsSync(file)) throw new StartupError(`找不到文件：${file}`);
  const size = fs.statSync(file).size;
  if (size > MAX_DOCUMENT_BYTES) throw new ImportError("TOO_LARGE", `文件过大（${(size / 1024 / 1024).toFixed(1)} MB）：导入文档不能超过 2 MB。`);
  const { text, encoding } = decodeDocumentWithEncoding(new Uint8Array(fs.readFileSync(file)));
  if (encoding !== "utf-8") process.stderr.write(`已按 ${encoding.toUpperCase()} 编码读取并转换为 UTF-8。\n`);
  return text;
}

/** A corrected outline: validated as the web preview's is, each problem named with its place. */
function readOutlineFile(file: string): Plan {
  const text = readDocumentFile(file);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ImportError("INVALID_OUTLINE", `大纲文件不是有效的 JSON：${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = importOutlineSchema.safeParse(json);
  if (!parsed.success) {
    throw new ImportError("INVALID_OUTLINE", `大纲有 ${parsed.error.issues.length} 处需要改正：\n  ${outlineProblems(parsed.error).join("\n  ")}`);
  }
  // The fingerprint of the document the outline came from, so a corrected outline of a document
  // imported before is still noticed; a hand-written outline is identified by its own text.
  return { outline: parsed.data, fingerprint: parsed.data.fingerprint ?? documentFingerprint(text), warnings: [] };
}

async function main(): Promise<number> {
  loadEnvFile();
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      "dry-run": { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      outline: { type: "string" },
      as: { type: "string" },
      "allow-duplicate": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const outlineFile = values.outline;
  if (values.help || positionals.length !== (outlineFile ? 0 : 1)) {
    process.stderr.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const json = values.json ?? false;
  const dryRun = values["dry-run"] ?? false;

  let plan: Plan;
  if (outlineFile) {
    plan = readOutlineFile(outlineFile);
  } else {
    const text = readDocumentFile(positionals[0]!);
    // A dry run shows the outline even for a document the strict reading refuses, so it can be fixed.
    const doc = dryRun ? readDocumentOutline(text) : parseRoundupDocument(text);
    plan = { outline: doc, fingerprint: documentFingerprint(text), warnings: doc.warnings };
  }
  const { roundups } = plan.outline;
  const itemCount = roundups.reduce((sum, r) => sum + r.items.length, 0);
  say(`${outlineFile ? "大纲读取完成" : "解析完成"}：${roundups.length} 个榜单，共 ${itemCount} 条。`, json);
  for (const warning of plan.warnings) say(`提示：${warning}`, json);
  if (json) {
    const exported = toImportJson({ roundups, warnings: plan.warnings });
    process.stdout.write(`${JSON.stringify({ fingerprint: plan.fingerprint, ...exported }, null, 2)}\n`);
  } else {
    for (const roundup of roundups) {
      say(`\n${roundup.title}（${roundup.year ?? "年份未识别"}${roundup.publisher ? `，${roundup.publisher}` : ""}）`, json);
      for (const item of roundup.items) say(`  ${String(item.rank).padStart(2)}. ${item.title}`, json);
    }
  }
  if (dryRun) {
    say("\n--dry-run：未写入任何内容。", json);
    return 0;
  }

  const database = await openDatabase();
  try {
    await migrateDatabase(database.url);
    process.env.DATABASE_URL = database.url;
    const actor = await resolveActor(database.url, values.as);
    const { importRoundups, DuplicateImportError } = await import("../lib/data/import");
    say(`正在以 ${actor.email} 的身份创建草稿…`, json);
    const site = process.env.SITE_URL?.trim() || `http://localhost:${process.env.PORT ?? 3000}`;
    let created;
    try {
      created = await importRoundups(actor, plan.outline, { fingerprint: plan.fingerprint, allowDuplicate: values["allow-duplicate"] });
    } catch (error) {
      // Name what it would repeat, with the address to open it, before the refusal itself.
      if (error instanceof DuplicateImportError) {
        for (const duplicate of error.duplicates) {
          process.stderr.write(`已有：“${duplicate.title}”（${duplicate.year}年，${duplicate.reason === "document" ? "同一份文档" : "同名同年"}）：${site}/editor/roundups/${duplicate.id}\n`);
        }
      }
      throw error;
    }
    for (const roundup of created) {
      say(`已创建草稿榜单“${roundup.title}”（${roundup.storyIds.length} 篇草稿）：${site}/editor/roundups/${roundup.id}`, json);
    }
    return 0;
  } finally {
    const { db } = await import("../lib/db").catch(() => ({ db: null }));
    await db?.$disconnect();
    await database.stop();
  }
}

/** The account the drafts are created as: --as EMAIL, or the longest-standing active admin. */
async function resolveActor(url: string, email: string | undefined) {
  const client = createPrismaClient(url, { max: 1 });
  try {
    const user = await client.user.findFirst({
      where: email ? { email: email.trim().toLowerCase(), active: true } : { role: "ADMIN", active: true },
      orderBy: { createdAt: "asc" },
      select: { id: true, name: true, email: true, role: true, mustChangePassword: true },
    });
    if (!user) {
      throw new StartupError(email ? `没有找到启用中的账号 ${email}。` : "数据库里没有启用中的管理员：请用 --as 指定一个编辑或管理员的邮箱。");
    }
    return user;
  } finally {
    await client.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ImportError) {
      const hint = ["NO_ITEMS", "RANK_GAP", "RANK_DUPLICATE"].includes(error.reason) ? `\n${OUTLINE_HINT}` : "";
      process.stderr.write(`[roundup] 导入失败：${error.message}（未写入任何内容）${hint}\n`);
      process.exit(1);
    }
    if (error instanceof AppError) {
      const hint = error.code === "CONFLICT" ? "如确需再导入一份副本，请加 --allow-duplicate。" : error.code === "INVALID" ? `\n${OUTLINE_HINT}` : "";
      process.stderr.write(`[roundup] 导入失败：${error.message}${hint}\n`);
      process.exit(1);
    }
    exitOnStartupError(error);
  },
);
