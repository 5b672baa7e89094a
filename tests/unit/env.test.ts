import { describe, expect, it } from "vitest";
import { describeEnvProblems, parseEnv } from "@/lib/env";
import { etagMatches } from "@/lib/storage/types";

const base = { DATABASE_URL: "postgresql://u:p@db:5432/roundup", AUTH_SECRET: "s".repeat(40) };

describe("environment validated at start-up", () => {
  it("accepts the minimal production settings and fills the defaults", () => {
    const env = parseEnv(base);
    expect(env).toMatchObject({ MEDIA_STORAGE: "local", UPLOAD_DIR: ".data/uploads", TRUST_PROXY: false, S3_REGION: "us-east-1", S3_PREFIX: "" });
  });

  it("answers every problem in one Chinese line naming the variables", () => {
    const message = describeEnvProblems({ DATABASE_URL: "mysql://x", AUTH_SECRET: "short", TRUST_PROXY: "maybe" });
    expect(message).not.toContain("\n");
    expect(message).toMatch(/^配置错误 — /);
    expect(message).toContain("DATABASE_URL 必须以 postgresql:// 开头");
    expect(message).toContain("AUTH_SECRET 太短");
    expect(message).toContain("TRUST_PROXY 只能是 true 或 false");
  });

  it("names a missing bucket even when other variables are wrong too", () => {
    const message = describeEnvProblems({ ...base, TRUST_PROXY: "yes please", MEDIA_STORAGE: "s3" });
    expect(message).toContain("TRUST_PROXY 只能是 true 或 false");
    expect(message).toContain("S3_BUCKET 未设置");
  });

  it("says what is missing when DATABASE_URL or AUTH_SECRET is unset", () => {
    expect(describeEnvProblems({})).toContain("DATABASE_URL 未设置");
    expect(describeEnvProblems({ DATABASE_URL: base.DATABASE_URL })).toContain("AUTH_SECRET 未设置");
  });

  it("reads TRUST_PROXY and S3_FORCE_PATH_STYLE as booleans", () => {
    expect(parseEnv({ ...base, TRUST_PROXY: "true" }).TRUST_PROXY).toBe(true);
    expect(parseEnv({ ...base, TRUST_PROXY: "false" }).TRUST_PROXY).toBe(false);
    expect(parseEnv({ ...base, MEDIA_STORAGE: "s3", S3_BUCKET: "b", S3_FORCE_PATH_STYLE: "true" }).S3_FORCE_PATH_STYLE).toBe(true);
  });

  it("refuses an unknown storage backend", () => {
    expect(describeEnvProblems({ ...base, MEDIA_STORAGE: "ftp" })).toContain("MEDIA_STORAGE 只能是 local（本机文件夹）或 s3");
  });

  it("requires a bucket, and both keys or neither, for S3 storage", () => {
    expect(describeEnvProblems({ ...base, MEDIA_STORAGE: "s3" })).toContain("S3_BUCKET 未设置");
    expect(describeEnvProblems({ ...base, MEDIA_STORAGE: "s3", S3_BUCKET: "b", S3_ACCESS_KEY_ID: "AK" })).toContain(
      "S3_ACCESS_KEY_ID 和 S3_SECRET_ACCESS_KEY 要么都设置，要么都不设置",
    );
    expect(describeEnvProblems({ ...base, MEDIA_STORAGE: "s3", S3_BUCKET: "b", S3_ACCESS_KEY_ID: "AK", S3_SECRET_ACCESS_KEY: "SK" })).toBeNull();
    // A bucket is only needed when S3 is chosen.
    expect(describeEnvProblems({ ...base, MEDIA_STORAGE: "local" })).toBeNull();
  });

  it("checks the endpoint, public media URL, site URL and prefix formats", () => {
    expect(describeEnvProblems({ ...base, S3_ENDPOINT: "oss-cn-beijing.aliyuncs.com" })).toContain("S3_ENDPOINT 必须是以 http:// 或 https:// 开头的完整网址");
    expect(describeEnvProblems({ ...base, MEDIA_PUBLIC_URL: "ftp://cdn" })).toContain("MEDIA_PUBLIC_URL 必须是以 http:// 或 https:// 开头");
    expect(describeEnvProblems({ ...base, SITE_URL: "news.example.com" })).toContain("SITE_URL 必须是完整网址");
    expect(describeEnvProblems({ ...base, S3_PREFIX: "roundup" })).toContain("S3_PREFIX 只能由字母、数字、点、横线和下划线组成，并以 / 结尾");
    expect(parseEnv({ ...base, S3_ENDPOINT: "", MEDIA_PUBLIC_URL: " " })).toMatchObject({ S3_ENDPOINT: undefined, MEDIA_PUBLIC_URL: undefined });
  });
});

describe("mail settings", () => {
  it("leave e-mail off by default, with a sender and a timeout", () => {
    const env = parseEnv(base);
    expect(env.SMTP_URL).toBeUndefined();
    expect(env).toMatchObject({ MAIL_FROM: "Roundup <roundup@localhost>", MAIL_TIMEOUT_MS: 10_000 });
  });

  it("take an smtp:// or smtps:// address and refuse anything else, naming the variable", () => {
    expect(parseEnv({ ...base, SMTP_URL: "smtps://user:pw@smtp.example.com:465", MAIL_FROM: "编辑部 <news@example.com>" }).SMTP_URL).toBe("smtps://user:pw@smtp.example.com:465");
    expect(describeEnvProblems({ ...base, SMTP_URL: "http://smtp.example.com" })).toContain("SMTP_URL 必须是 smtp:// 或 smtps:// 开头的地址");
    expect(describeEnvProblems({ ...base, MAIL_FROM: "not an address" })).toContain("MAIL_FROM 必须是发件地址");
    expect(describeEnvProblems({ ...base, MAIL_TIMEOUT_MS: "10" })).toContain("MAIL_TIMEOUT_MS 至少为 100 毫秒");
  });
});

describe("If-None-Match", () => {
  it("matches the tag in a list, weak or strong, and *", () => {
    expect(etagMatches('"a1"', '"a1"')).toBe(true);
    expect(etagMatches('"zz", W/"a1"', '"a1"')).toBe(true);
    expect(etagMatches("*", '"a1"')).toBe(true);
    expect(etagMatches('"a2"', '"a1"')).toBe(false);
    expect(etagMatches(undefined, '"a1"')).toBe(false);
  });
});
