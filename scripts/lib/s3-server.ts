import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";

export type RunningS3 = {
  endpoint: string;
  bucket: string;
  /** The environment that points the app's S3 backend (lib/storage/s3.ts) at this server. */
  env: Record<string, string>;
  stop: () => Promise<void>;
};

/**
 * A real S3-compatible server (s3rver, from npm) on 127.0.0.1 for tests and benches: a throwaway
 * folder, one bucket, removed on stop. It accepts any signature made with the S3RVER/S3RVER keys.
 */
export async function startS3Server(options: { port?: number; bucket?: string } = {}): Promise<RunningS3> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "roundup-s3-"));
  const bucket = options.bucket ?? "roundup-media";
  const server = new S3rver({ address: "127.0.0.1", port: options.port ?? 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  try {
    const address = await server.run();
    const endpoint = `http://127.0.0.1:${address.port}`;
    return {
      endpoint,
      bucket,
      env: {
        MEDIA_STORAGE: "s3",
        S3_BUCKET: bucket,
        S3_REGION: "us-east-1",
        S3_ENDPOINT: endpoint,
        S3_FORCE_PATH_STYLE: "true",
        S3_ACCESS_KEY_ID: "S3RVER",
        S3_SECRET_ACCESS_KEY: "S3RVER",
      },
      stop: async () => {
        await server.close();
        fs.rmSync(directory, { recursive: true, force: true });
      },
    };
  } catch (error) {
    fs.rmSync(directory, { recursive: true, force: true });
    throw error;
  }
}
