import crypto from "node:crypto";
import { getEnv } from "@/lib/env";

// Signed values of the voting page, keyed by AUTH_SECRET (a separate HKDF key per purpose, so a
// value signed for one purpose is never accepted for another):
// - the voter cookie: a random id per browser, set by proxy.ts on the voting page; one ballot per id.
// - the form token: one per rendered form, carrying the selection and the ballot's idempotency key,
//   so a key can't be invented or moved to another selection, and old forms expire.
// - the receipt: the ballot id in the confirmation page's address.

export const VOTER_COOKIE = "roundup_voter";
/** The voter cookie lives a year: a reader keeps one identity through a whole selection. */
export const VOTER_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;
/** A rendered form may be submitted for a day; after that the reader reloads the page. */
export const FORM_TOKEN_MAX_AGE_MS = 24 * 60 * 60 * 1000;

type Purpose = "voter" | "form" | "receipt";
const keys = new Map<Purpose, Buffer>();

function key(purpose: Purpose): Buffer {
  let found = keys.get(purpose);
  if (!found) {
    found = Buffer.from(crypto.hkdfSync("sha256", getEnv().AUTH_SECRET, "roundup-selection", `${purpose}-v1`, 32));
    keys.set(purpose, found);
  }
  return found;
}

function sign(purpose: Purpose, payload: string): string {
  return crypto.createHmac("sha256", key(purpose)).update(payload).digest("base64url");
}

/** `<payload>.<signature>` when the signature matches (compared in constant time), else null. */
function verified(purpose: Purpose, value: string): string | null {
  const dot = value.lastIndexOf(".");
  if (dot <= 0) return null;
  const payload = value.slice(0, dot);
  const given = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(sign(purpose, payload));
  return given.length === expected.length && crypto.timingSafeEqual(given, expected) ? payload : null;
}

const randomId = () => crypto.randomBytes(16).toString("base64url");

export function newVoterCookie(): string {
  const id = randomId();
  return `${id}.${sign("voter", id)}`;
}

/**
 * The Set-Cookie line of a new voter cookie: httpOnly, SameSite=Lax, Secure on an https site, sent
 * back only to the selection pages, for a year. proxy.ts and the front door's voting page
 * (lib/selection/fast-path.ts) both send this one line.
 */
export function voterSetCookie(value: string, https: boolean): string {
  return `${VOTER_COOKIE}=${value}; Path=/selections; Max-Age=${VOTER_COOKIE_MAX_AGE}; HttpOnly; SameSite=Lax${https ? "; Secure" : ""}`;
}

/** The voter cookie's value in a Cookie header (the first one, as Next's request.cookies reads it). */
export function voterCookieIn(cookieHeader: string | null | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq === -1 || part.slice(0, eq).trim() !== VOTER_COOKIE) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return undefined;
}

/** The cookie's voter id; "forged" for a cookie this server didn't sign; null when there is none. */
export function readVoterCookie(value: string | undefined): string | "forged" | null {
  if (!value) return null;
  const id = verified("voter", value);
  return id && /^[A-Za-z0-9_-]{22}$/.test(id) ? id : "forged";
}

export type FormToken = { selectionId: string; idempotencyKey: string; issuedAt: number };

export function newFormToken(selectionId: string, now: Date = new Date()): string {
  const payload = `${selectionId}~${randomId()}~${now.getTime()}`;
  return `${payload}.${sign("form", payload)}`;
}

/** The selection a token was signed for, whatever its age; null when it was altered or invented. */
export function formTokenSelection(value: string): string | null {
  const payload = verified("form", value);
  return payload?.split("~")[0] || null;
}

/** The token's contents, or null when it was altered, invented or is older than a day. */
export function readFormToken(value: string, now: Date = new Date()): FormToken | null {
  const payload = verified("form", value);
  if (!payload) return null;
  const [selectionId, idempotencyKey, issued] = payload.split("~");
  const issuedAt = Number(issued);
  if (!selectionId || !idempotencyKey || !Number.isSafeInteger(issuedAt)) return null;
  if (now.getTime() - issuedAt > FORM_TOKEN_MAX_AGE_MS || issuedAt - now.getTime() > 60_000) return null;
  return { selectionId, idempotencyKey, issuedAt };
}

export function receiptFor(ballotId: string): string {
  return `${ballotId}.${sign("receipt", ballotId)}`;
}

export function readReceipt(value: string): string | null {
  return verified("receipt", value);
}
