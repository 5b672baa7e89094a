import { z } from "zod";

// Every variable is documented in .env.example. The npm scripts fill DATABASE_URL and, for the
// embedded demo database, AUTH_SECRET before the app starts; a deployment sets them itself.
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string({ error: "DATABASE_URL 未设置：请用 npm start / npm run dev 启动（会自动启动内置数据库），或在 .env 中设置外部 PostgreSQL 地址。" })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL 必须以 postgresql:// 开头。"),
  AUTH_SECRET: z
    .string({ error: "AUTH_SECRET 未设置：请设置一个至少 32 个字符的随机字符串（例如 openssl rand -base64 32 的输出）。" })
    .min(32, "AUTH_SECRET 太短：至少需要 32 个字符。"),
  SITE_URL: z.url("SITE_URL 必须是完整网址，例如 https://news.example.com").default("http://localhost:3000"),
  UPLOAD_DIR: z.string().default(".data/uploads"),
  TRUST_PROXY: z.enum(["true", "false"], { error: "TRUST_PROXY 只能是 true 或 false。" }).default("false").transform((value) => value === "true"),
  // Which staff must sign in with a second factor: nobody, admins, or editors and admins.
  TWO_FACTOR_REQUIRED: z.enum(["none", "admin", "editor"], { error: "TWO_FACTOR_REQUIRED 只能是 none、admin 或 editor。" }).default("none"),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** Parsed environment, validated on first use; a bad value fails with a message naming the variable. */
export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`配置错误 — ${issues}`);
  }
  cached = parsed.data;
  return cached;
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
  if (!parsed.success) throw new Error(`配置错误 — DATABASE_URL: ${parsed.error.issues[0]?.message ?? "无效"}`);
  return parsed.data;
}
