import "server-only";
import crypto from "node:crypto";
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";
import { getEnv } from "@/lib/env";

// The second factor's secrets, without the database: TOTP (RFC 6238, 30 s steps, 6 digits, the
// authenticator-app defaults) through otplib, the secret encrypted at rest, recovery codes hashed.

const ISSUER = "Roundup 编辑部";
export const RECOVERY_CODE_COUNT = 10;

/** AES-256-GCM key for TOTP secrets, derived from AUTH_SECRET (HKDF) so no second secret is needed. */
function secretKey(): Buffer {
  return Buffer.from(crypto.hkdfSync("sha256", getEnv().AUTH_SECRET, "roundup", "totp-secret-v1", 32));
}

/** HMAC key for recovery codes: a stolen table can't be brute-forced without AUTH_SECRET. */
function recoveryKey(): Buffer {
  return Buffer.from(crypto.hkdfSync("sha256", getEnv().AUTH_SECRET, "roundup", "recovery-code-v1", 32));
}

export function encryptTotpSecret(secret: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", secretKey(), iv);
  const ciphertext = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ciphertext.toString("base64url")].join(".");
}

export function decryptTotpSecret(stored: string): string {
  const [version, iv, tag, ciphertext] = stored.split(".");
  if (version !== "v1" || !iv || !tag || !ciphertext) throw new Error("unknown TOTP secret format");
  const decipher = crypto.createDecipheriv("aes-256-gcm", secretKey(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}

export function newTotpSecret(): string {
  return generateSecret();
}

/** What an authenticator app scans: the otpauth:// URI as an SVG QR code (a data URL for an <img>). */
export async function enrolmentQrCode(secret: string, accountLabel: string): Promise<{ uri: string; dataUrl: string }> {
  const uri = generateURI({ issuer: ISSUER, label: accountLabel, secret });
  const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { uri, dataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}` };
}

export function looksLikeTotpCode(code: string): boolean {
  return /^\d{6}$/.test(code);
}

/**
 * The time step a code is valid for (one step of clock drift either way), or null. Steps at or
 * before `afterStep` are refused, so a code that was already used can't be used again.
 */
export async function totpStep(secret: string, code: string, afterStep: number | null, now = Date.now()): Promise<number | null> {
  if (!looksLikeTotpCode(code)) return null;
  const result = await verify({ secret, token: code, epoch: Math.floor(now / 1000), epochTolerance: 30, ...(afterStep === null ? {} : { afterTimeStep: afterStep }) });
  return result.valid && "timeStep" in result ? result.timeStep : null;
}

// Recovery codes: 10 characters from an alphabet without look-alikes (about 50 bits), shown as
// xxxxx-xxxxx. Typed with or without the dash, in any case.
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[crypto.randomInt(RECOVERY_ALPHABET.length)]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

export function normaliseRecoveryCode(code: string): string | null {
  const compact = code.trim().toLowerCase().replace(/[\s-]/g, "");
  return /^[a-z0-9]{10}$/.test(compact) ? compact : null;
}

export function hashRecoveryCode(code: string): string | null {
  const compact = normaliseRecoveryCode(code);
  return compact ? crypto.createHmac("sha256", recoveryKey()).update(compact).digest("hex") : null;
}
