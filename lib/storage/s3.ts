import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import { etagMatches, isSafeKey, quoteEtag, type MediaStorage } from "./types";

export type S3Settings = {
  bucket: string;
  region: string;
  /** For services other than AWS: MinIO, Aliyun OSS, Tencent COS, … (https://oss-cn-beijing.aliyuncs.com). */
  endpoint?: string;
  /** Bucket in the path (endpoint/bucket/key) instead of the host name: MinIO and most self-hosted servers. */
  forcePathStyle: boolean;
  /** Without keys, the SDK's own chain applies (AWS_* variables, instance or pod roles). */
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Prepended to every key inside the bucket ("roundup/"), so one bucket can hold several sites. */
  prefix: string;
  /** Base URL that serves the bucket publicly (a public bucket or a CDN in front of it). */
  publicUrl?: string;
};

// Keys are random and a file never changes under its key: let any cache keep it for a year.
const IMMUTABLE = "public, max-age=31536000, immutable";

function statusOf(error: unknown): number | undefined {
  if (error instanceof S3ServiceException) return error.$metadata.httpStatusCode;
  const metadata = (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata;
  return metadata?.httpStatusCode;
}

export function createS3Client(settings: S3Settings): S3Client {
  return new S3Client({
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: settings.forcePathStyle,
    credentials: settings.accessKeyId && settings.secretAccessKey ? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey } : undefined,
    // Newer SDKs add CRC checksums to every upload and expect them back; several S3-compatible
    // services (OSS, COS, older MinIO) reject or omit them. Only send them where S3 requires them.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}

/** Files in an S3-compatible bucket: every app process sees the same files. */
export function s3Storage(settings: S3Settings, client: S3Client = createS3Client(settings)): MediaStorage {
  const Bucket = settings.bucket;
  const objectKey = (key: string) => {
    if (!isSafeKey(key)) throw new Error(`unsafe storage key: ${key}`);
    return `${settings.prefix}${key}`;
  };
  const publicBase = settings.publicUrl?.replace(/\/+$/, "");
  return {
    async put(key, bytes, contentType) {
      await client.send(new PutObjectCommand({ Bucket, Key: objectKey(key), Body: bytes, ContentType: contentType, CacheControl: IMMUTABLE }));
    },
    async get(key) {
      if (!isSafeKey(key)) return null;
      try {
        const response = await client.send(new GetObjectCommand({ Bucket, Key: objectKey(key) }));
        if (!response.Body) return null;
        return Buffer.from(await response.Body.transformToByteArray());
      } catch (error) {
        if (statusOf(error) === 404) return null;
        throw error;
      }
    },
    async open(key, options = {}) {
      if (!isSafeKey(key)) return null;
      try {
        // The bucket answers If-None-Match itself (304), so a revalidation moves no bytes.
        const response = await client.send(new GetObjectCommand({ Bucket, Key: objectKey(key), IfNoneMatch: options.ifNoneMatch || undefined }));
        if (!response.Body || !response.ETag) return null;
        const etag = quoteEtag(response.ETag);
        if (etagMatches(options.ifNoneMatch, etag)) {
          // A server that ignored the condition: don't send the bytes anyway.
          await response.Body.transformToWebStream().cancel();
          return { notModified: true, etag };
        }
        return { notModified: false, etag, size: Number(response.ContentLength ?? 0), body: response.Body.transformToWebStream() };
      } catch (error) {
        const status = statusOf(error);
        if (status === 304 && options.ifNoneMatch) return { notModified: true, etag: quoteEtag(options.ifNoneMatch.split(",")[0]!.trim()) };
        if (status === 404) return null;
        throw error;
      }
    },
    async delete(key) {
      // Deleting a missing object succeeds in S3: a retried delete is harmless.
      await client.send(new DeleteObjectCommand({ Bucket, Key: objectKey(key) }));
    },
    publicUrl: (key) => (publicBase && isSafeKey(key) ? `${publicBase}/${settings.prefix}${key}` : null),
  };
}
