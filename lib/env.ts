import { z } from "zod";

// Every variable the app reads is here and documented in .env.example. The npm scripts fill
// DATABASE_URL and, for the embedded demo database, AUTH_SECRET before the app starts; a deployment
// sets them itself. instrumentation.ts validates everything once at start-up, so a bad setting stops
// the server with one line instead of failing the first request that needs it.

// Exactly "true" or "false": proxy.ts reads TRUST_PROXY raw (getTrustProxy) and must agree.
const flag = (name: string) =>
  z
    .enum(["true", "false"], { error: `${name} 只能是 true 或 false。` })
    .default("false")
    .transform((value) => value === "true");

const optionalUrl = (name: string, example: string) =>
  z
    .string()
    .trim()
    .transform((value) => value || undefined)
    .pipe(z.url({ protocol: /^https?$/, error: `${name} 必须是以 http:// 或 https:// 开头的完整网址，例如 ${example}` }).optional())
    .optional();

const optionalText = z
  .string()
  .trim()
  .transform((value) => value || undefined)
  .optional();

// E-mail notifications of the review loop (lib/mail): off unless SMTP_URL is set.
const mailShape = {
  SMTP_URL: z
    .string()
    .trim()
    .transform((value) => value || undefined)
    .pipe(z.url({ protocol: /^smtps?$/, error: "SMTP_URL 必须是 smtp:// 或 smtps:// 开头的地址，例如 smtps://user:password@smtp.example.com:465" }).optional())
    .optional(),
  MAIL_FROM: z
    .string()
    .trim()
    .regex(/^([^<>]*<)?[^\s@<>]+@[^\s@<>]+(>)?$/, "MAIL_FROM 必须是发件地址，例如 Roundup 编辑部 <newsroom@example.com>。")
    .default("Roundup <roundup@localhost>"),
  MAIL_TIMEOUT_MS: z.coerce
    .number({ error: "MAIL_TIMEOUT_MS 必须是数字（毫秒）。" })
    .int("MAIL_TIMEOUT_MS 必须是整数（毫秒）。")
    .min(100, "MAIL_TIMEOUT_MS 至少为 100 毫秒。")
    .max(120_000, "MAIL_TIMEOUT_MS 最多为 120000 毫秒。")
    .default(10_000),
};
const mailSchema = z.object(mailShape);
export type MailEnv = z.infer<typeof mailSchema>;

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string({ error: "DATABASE_URL 未设置：请用 npm start / npm run dev 启动（会自动启动内置数据库），或在 .env 中设置外部 PostgreSQL 地址。" })
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL 必须以 postgresql:// 开头。"),
    AUTH_SECRET: z
      .string({ error: "AUTH_SECRET 未设置：请设置一个至少 32 个字符的随机字符串（例如 openssl rand -base64 32 的输出）。" })
      .min(32, "AUTH_SECRET 太短：至少需要 32 个字符。"),
    SITE_URL: z.url({ protocol: /^https?$/, error: "SITE_URL 必须是完整网址，例如 https://news.example.com" }).default("http://localhost:3000"),
    TRUST_PROXY: flag("TRUST_PROXY"),
    // Which staff must sign in with a second factor: nobody, admins, or editors and admins.
    TWO_FACTOR_REQUIRED: z.enum(["none", "admin", "editor"], { error: "TWO_FACTOR_REQUIRED 只能是 none、admin 或 editor。" }).default("none"),
    MEDIA_STORAGE: z.enum(["local", "s3"], { error: "MEDIA_STORAGE 只能是 local（本机文件夹）或 s3（S3 兼容的对象存储）。" }).default("local"),
    UPLOAD_DIR: z.string().trim().min(1, "UPLOAD_DIR 不能为空：删掉这一行即使用默认的 .data/uploads。").default(".data/uploads"),
    S3_BUCKET: optionalText,
    S3_REGION: z.string().trim().min(1, "S3_REGION 不能为空，例如 us-east-1 或 oss-cn-beijing。").default("us-east-1"),
    S3_ENDPOINT: optionalUrl("S3_ENDPOINT", "https://oss-cn-beijing.aliyuncs.com"),
    S3_FORCE_PATH_STYLE: flag("S3_FORCE_PATH_STYLE"),
    S3_ACCESS_KEY_ID: optionalText,
    S3_SECRET_ACCESS_KEY: optionalText,
    S3_PREFIX: z
      .string()
      .trim()
      .regex(/^([a-z0-9][a-z0-9._-]*\/)*$/i, "S3_PREFIX 只能由字母、数字、点、横线和下划线组成，并以 / 结尾，例如 roundup/。")
      .default(""),
    MEDIA_PUBLIC_URL: optionalUrl("MEDIA_PUBLIC_URL", "https://media.example.com"),
    // Read by the cache handler (lib/cache/shared-cache-handler.mjs, plain JavaScript); checked here.
    CACHE_BUS_URL: z
      .string()
      .trim()
      .transform((value) => value || undefined)
      .pipe(z.string().regex(/^postgres(ql)?:\/\//, "CACHE_BUS_URL 必须以 postgresql:// 开头（直连 PostgreSQL，不经 PgBouncer 事务模式）。").optional())
      .optional(),
    CACHE_MAX_MB: z.coerce.number({ error: "CACHE_MAX_MB 必须是数字（每个进程页面缓存的上限，单位 MB）。" }).int().min(8, "CACHE_MAX_MB 至少为 8。").default(64),
    // Read by the launcher (scripts/lib/standalone.ts), which also checks it against CACHE_MAX_MB.
    SERVER_HEAP_MB: z.coerce.number({ error: "SERVER_HEAP_MB 必须是数字（服务器 V8 堆的上限，单位 MB）。" }).int().refine((n) => n === 0 || n >= 128, "SERVER_HEAP_MB 必须是 0 或不小于 128。").default(192),
    CDN_PURGE_URL: optionalUrl("CDN_PURGE_URL", "http://127.0.0.1:6081/"),
    CDN_PURGE_TOKEN: optionalText,
    CDN_KEY_HEADERS: z
      .string()
      .trim()
      .regex(/^(xkey|surrogate-key|cache-tag)(\s*,\s*(xkey|surrogate-key|cache-tag))*$/i, "CDN_KEY_HEADERS 只能是 xkey、surrogate-key、cache-tag 中的一个或几个，用逗号分隔。")
      .default("xkey"),
    ...mailShape,
  });

/**
 * Rules across variables, checked on the raw values so that they are reported even when another
 * variable is wrong too (zod stops refining an object once a field's parse fails).
 */
function crossChecks(source: Record<string, string | undefined>): string[] {
  const set = (name: string) => !!source[name]?.trim();
  if (source.MEDIA_STORAGE?.trim() !== "s3") return [];
  const problems: string[] = [];
  if (!set("S3_BUCKET")) problems.push("S3_BUCKET 未设置：MEDIA_STORAGE=s3 时必须给出存储桶名称。");
  if (set("S3_ACCESS_KEY_ID") !== set("S3_SECRET_ACCESS_KEY")) {
    problems.push("S3_ACCESS_KEY_ID 和 S3_SECRET_ACCESS_KEY 要么都设置，要么都不设置（使用 SDK 自己的凭据链）。");
  }
  return problems;
}

export type Env = z.infer<typeof envSchema>;

/** One Chinese line naming every wrong variable, for logs and start-up output; null when all are fine. */
export function describeEnvProblems(source: Record<string, string | undefined>): string | null {
  const parsed = envSchema.safeParse(source);
  // A message already names its variable; say which one when it doesn't.
  const issues = (parsed.success ? [] : parsed.error.issues).map((issue) => {
    const name = String(issue.path[0] ?? "");
    return issue.message.includes(name) ? issue.message : `${name}：${issue.message}`;
  });
  const problems = [...issues, ...crossChecks(source)];
  return problems.length ? `配置错误 — ${problems.join("；")}` : null;
}

/** Parses a given environment (tests); the app uses getEnv(). */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const problem = describeEnvProblems(source);
  if (problem) throw new Error(problem);
  return envSchema.parse(source);
}

let cached: Env | undefined;

/** Parsed environment, validated on first use; a bad value fails with a message naming the variable. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** What is wrong with the settings of this process, in one line, or null (the build needs none). */
export function startupProblem(): string | null {
  return isBuildPhase() ? null : describeEnvProblems(process.env);
}

/** Whether Next.js is building (no database, no secrets): pages and caches must not reach for them. */
export function isBuildPhase(): boolean {
  return process.env.NEXT_PHASE === "phase-production-build";
}

/** The public base URL alone, for metadata; safe to read at build time, when nothing else is set. */
export function getSiteUrl(): string {
  const value = process.env.SITE_URL?.trim();
  return value ? value.replace(/\/+$/, "") : "http://localhost:3000";
}

/** TRUST_PROXY alone, for proxy.ts, which runs before anything else is needed. */
export function getTrustProxy(): boolean {
  return process.env.TRUST_PROXY?.trim() === "true";
}

/** The database URL alone: enough for the data layer in scripts and tests, which sign nobody in. */
export function getDatabaseUrl(): string {
  const parsed = envSchema.shape.DATABASE_URL.safeParse(process.env.DATABASE_URL);
  if (!parsed.success) throw new Error(`配置错误 — ${parsed.error.issues[0]?.message ?? "DATABASE_URL 无效"}`);
  return parsed.data;
}

/** Development mode (next dev): e.g. a looser Content-Security-Policy for React's tooling. */
export function isDevelopment(): boolean {
  return process.env.NODE_ENV === "development";
}

/** Production mode (next start, the standalone server). */
export function isProduction(): boolean {
  return process.env.NODE_ENV === "production";
}

/**
 * The mail settings alone, read afresh on each call (cheap): the data layer sends mail from scripts
 * and tests too, where the rest of the app's settings may be absent. Boot already validated them.
 */
export function getMailEnv(): MailEnv {
  const parsed = mailSchema.safeParse(process.env);
  if (!parsed.success) throw new Error(`配置错误 — ${parsed.error.issues.map((issue) => issue.message).join("；")}`);
  return parsed.data;
}
