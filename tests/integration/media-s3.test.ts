import { GetObjectCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/roles";
import { deleteMedia, uploadMedia } from "@/lib/data/media";
import { getStorage } from "@/lib/storage";
import { s3Storage } from "@/lib/storage/s3";
import { serveMedia } from "@/lib/storage/serve";
import { startS3Server, type RunningS3 } from "@/scripts/lib/s3-server";
import { createActor, removeContentOf } from "./support/actors";

// The S3 backend against a real S3-compatible server (s3rver) that this file starts and stops.

async function photo(width: number): Promise<Buffer> {
  return sharp({ create: { width, height: 600, channels: 3, background: { r: 20, g: 90, b: 160 } } }).jpeg().toBuffer();
}

const request = (headers: Record<string, string> = {}) => new Request("http://localhost/media/x", { headers });

describe("media on an S3-compatible bucket", () => {
  let s3: RunningS3;
  let bucketClient: S3Client;
  let journalist: Actor;
  const saved = { ...process.env };

  const listKeys = async () => {
    const listed = await bucketClient.send(new ListObjectsV2Command({ Bucket: s3.bucket }));
    return (listed.Contents ?? []).map((object) => object.Key);
  };

  beforeAll(async () => {
    s3 = await startS3Server();
    // The app reads its settings once, on first use: set them before anything touches storage.
    Object.assign(process.env, s3.env, { S3_PREFIX: "site-a/", UPLOAD_DIR: "/nonexistent/roundup-uploads" });
    bucketClient = new S3Client({ region: "us-east-1", endpoint: s3.endpoint, forcePathStyle: true, credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } });
    journalist = await createActor(db, "JOURNALIST");
  });
  afterAll(async () => {
    await removeContentOf(db, [journalist]);
    bucketClient?.destroy();
    await s3?.stop();
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
    Object.assign(process.env, saved);
  });

  it("puts the upload and its sizes in the bucket under the prefix, serves them with an entity tag, and deletes them", async () => {
    const { id } = await uploadMedia(journalist, { bytes: await photo(1200), alt: "对象存储测试图", caption: "", credit: "" });
    const row = await db.media.findUniqueOrThrow({ where: { id } });
    const variants = row.variants as { key: string; width: number }[];
    const keys = [row.storageKey!, ...variants.map((variant) => variant.key)];
    expect(variants.map((variant) => variant.width)).toEqual([480, 720, 960]);
    expect(await listKeys()).toEqual(expect.arrayContaining(keys.map((key) => `site-a/${key}`)));

    const stored = await bucketClient.send(new GetObjectCommand({ Bucket: s3.bucket, Key: `site-a/${row.storageKey}` }));
    expect(stored.ContentType).toBe("image/jpeg");

    const first = await serveMedia(getStorage(), row.storageKey!, request());
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("image/jpeg");
    expect(first.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^".+"$/);
    const bytes = Buffer.from(await first.arrayBuffer());
    expect(first.headers.get("content-length")).toBe(String(bytes.length));
    expect((await sharp(bytes).metadata()).width).toBe(1200);

    const again = await serveMedia(getStorage(), row.storageKey!, request({ "If-None-Match": etag! }));
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect(await again.text()).toBe("");

    const changed = await serveMedia(getStorage(), row.storageKey!, request({ "If-None-Match": '"some-other-version"' }));
    expect(changed.status).toBe(200);
    await changed.arrayBuffer();

    await deleteMedia(journalist, id);
    const remaining = await listKeys();
    for (const key of keys) expect(remaining).not.toContain(`site-a/${key}`);
    expect((await serveMedia(getStorage(), row.storageKey!, request())).status).toBe(404);
  });

  it("answers 404 for keys that are missing, unsafe or not images", async () => {
    expect((await serveMedia(getStorage(), "2026/01/missing.jpg", request())).status).toBe(404);
    expect((await serveMedia(getStorage(), "../site-a/x.jpg", request())).status).toBe(404);
    expect((await serveMedia(getStorage(), "2026/01/notes.txt", request())).status).toBe(404);
  });

  it("redirects to the public bucket or CDN address when one is configured, and that address serves the file", async () => {
    const publicBase = `${s3.endpoint}/${s3.bucket}`;
    const storage = s3Storage({
      bucket: s3.bucket,
      region: "us-east-1",
      endpoint: s3.endpoint,
      forcePathStyle: true,
      accessKeyId: "S3RVER",
      secretAccessKey: "S3RVER",
      prefix: "public/",
      publicUrl: `${publicBase}/`,
    });
    const bytes = await photo(300);
    await storage.put("2026/02/open.jpg", bytes, "image/jpeg");
    const response = await serveMedia(storage, "2026/02/open.jpg", request());
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`${publicBase}/public/2026/02/open.jpg`);
    const fetched = await fetch(response.headers.get("location")!);
    expect(fetched.status).toBe(200);
    expect(Buffer.from(await fetched.arrayBuffer()).equals(bytes)).toBe(true);
    await storage.delete("2026/02/open.jpg");
  });
});
