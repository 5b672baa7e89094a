import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir } from "./data-dir";
import { StartupError, info } from "./log";

/**
 * AUTH_SECRET signs session tokens. A deployment on its own database must set it; the embedded demo
 * database gets one generated once and kept beside its data, so sessions survive restarts.
 */
export function resolveAuthSecret(embedded: boolean): string {
  const configured = process.env.AUTH_SECRET?.trim();
  if (configured) {
    if (configured.length < 32) {
      throw new StartupError("AUTH_SECRET 太短（至少 32 个字符）：请用 openssl rand -base64 32 生成一个，写入 .env。");
    }
    return configured;
  }
  if (!embedded) {
    throw new StartupError("使用外部数据库（DATABASE_URL）时必须设置 AUTH_SECRET：请用 openssl rand -base64 32 生成一个，写入 .env。");
  }
  const SECRET_FILE = path.join(dataDir(), "auth-secret");
  if (fs.existsSync(SECRET_FILE)) return fs.readFileSync(SECRET_FILE, "utf8").trim();
  const secret = crypto.randomBytes(32).toString("base64url");
  fs.mkdirSync(path.dirname(SECRET_FILE), { recursive: true });
  fs.writeFileSync(SECRET_FILE, `${secret}\n`, { mode: 0o600 });
  info(`generated a local AUTH_SECRET in ${SECRET_FILE} (for the embedded demo database only)`);
  return secret;
}
