// The one error mapping. Expected failures are AppErrors with a typed code and a message a user can
// read; database errors are translated here (and only here) to the same codes; anything else is
// logged with context and shown as a generic message, so no stack trace or SQL reaches a reader.

export type ErrorCode =
  | "FORBIDDEN"
  | "UNAUTHENTICATED"
  | "NOT_FOUND"
  | "CONFLICT"
  | "INVALID"
  | "RATE_LIMITED"
  | "UNAVAILABLE"
  | "TOO_LARGE"
  /** Not expected: logged, shown as GENERIC_ERROR_MESSAGE. */
  | "INTERNAL";

export class AppError extends Error {
  /** The form field the message belongs next to, when there is one. */
  readonly field?: string;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: { field?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    if (options.field) this.field = options.field;
  }
}

type Field = { field?: string };

export const forbidden = (message = "你没有权限执行此操作。") => new AppError("FORBIDDEN", message);
export const unauthenticated = (message = "请先登录。") => new AppError("UNAUTHENTICATED", message);
export const notFound = (message = "找不到该内容，可能已被删除。", options: Field = {}) => new AppError("NOT_FOUND", message, options);
export const conflict = (message: string, options: Field = {}) => new AppError("CONFLICT", message, options);
export const invalid = (message: string, options: Field = {}) => new AppError("INVALID", message, options);
export const rateLimited = (message: string) => new AppError("RATE_LIMITED", message);
export const tooLarge = (message: string, options: Field = {}) => new AppError("TOO_LARGE", message, options);

export const GENERIC_ERROR_MESSAGE = "服务器出了点问题，请稍后再试。问题已记录。";
export const UNAVAILABLE_MESSAGE = "暂时连不上数据库，这次没有保存。你填写的内容仍在页面上，请稍后再试。";

// Prisma's codes (https://www.prisma.io/docs/orm/reference/error-reference) and PostgreSQL's
// SQLSTATEs / socket errors that mean "the database can't be reached right now".
// The pg driver adapter's error kinds (meta.driverAdapterError.cause.kind) say the same for raw queries (P2010).
const UNREACHABLE = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "P1001", "P1002", "P1008", "P1017", "P2024", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EPIPE", "57P01", "57P03", "53300", "08000", "08001", "08003", "08006"]);

/** Codes anywhere on the error and its causes (Prisma wraps the driver's error in `cause`). */
function codesOf(error: unknown): { codes: string[]; names: string[]; meta: Record<string, unknown>[] } {
  const codes: string[] = [];
  const names: string[] = [];
  const meta: Record<string, unknown>[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const value = current as { code?: unknown; errno?: unknown; name?: unknown; meta?: unknown; cause?: unknown; originalCode?: unknown };
    for (const code of [value.code, value.originalCode]) if (typeof code === "string") codes.push(code);
    const adapterKind = (value.meta as { driverAdapterError?: { cause?: { kind?: unknown } } } | undefined)?.driverAdapterError?.cause?.kind;
    if (typeof adapterKind === "string") codes.push(adapterKind);
    if (typeof value.name === "string") names.push(value.name);
    if (value.meta && typeof value.meta === "object") meta.push(value.meta as Record<string, unknown>);
    current = value.cause;
  }
  return { codes, names, meta };
}

/** "Story_sectionId_fkey" → "sectionId": the form field a foreign-key failure belongs to. */
function fieldOfConstraint(meta: Record<string, unknown>[]): string | undefined {
  for (const entry of meta) {
    for (const value of Object.values(entry)) {
      const match = typeof value === "string" ? /_([A-Za-z]+)_fkey/.exec(value) : null;
      if (match?.[1]) return match[1];
    }
  }
  return undefined;
}

/**
 * The AppError an expected database failure stands for, or null for anything unexpected. Callers
 * that know better (a slug taken, a tag created twice) catch those cases before they get here.
 */
export function fromDatabaseError(error: unknown): AppError | null {
  const { codes, names, meta } = codesOf(error);
  if (names.includes("PrismaClientInitializationError") || codes.some((code) => UNREACHABLE.has(code))) {
    return new AppError("UNAVAILABLE", UNAVAILABLE_MESSAGE, { cause: error });
  }
  if (isUniqueViolation(error)) return new AppError("CONFLICT", "已有同名或同网址的内容，请换一个再试。", { cause: error });
  if (codes.includes("P2025")) return new AppError("NOT_FOUND", "找不到该内容，可能已被删除。", { cause: error });
  if (codes.includes("P2003") || codes.includes("23503")) {
    const field = fieldOfConstraint(meta);
    return new AppError("INVALID", "所选的关联内容不存在或已被删除，请重新选择。", { cause: error, ...(field ? { field } : {}) });
  }
  // Text PostgreSQL refuses (a NUL byte, a broken encoding) and numbers out of range.
  if (codes.some((code) => code === "22021" || code === "22P05")) return new AppError("INVALID", "输入中含有无法保存的字符，请删除后再试。", { cause: error });
  if (codes.some((code) => code === "22003" || code === "P2020" || code === "P2033")) return new AppError("INVALID", "数字超出了允许的范围。", { cause: error });
  return null;
}

/** The row a write addressed doesn't exist (Prisma's "record to update not found"). */
export function isRecordMissing(error: unknown): boolean {
  return codesOf(error).codes.includes("P2025");
}

/** A unique constraint refused the write (someone else created the same row first). */
export function isUniqueViolation(error: unknown): boolean {
  const { codes } = codesOf(error);
  return codes.includes("P2002") || codes.includes("23505");
}

/** Any thrown value as an AppError; unexpected ones are logged with context and become INTERNAL. */
export function toAppError(error: unknown, context: string): AppError {
  if (error instanceof AppError) return error;
  const mapped = fromDatabaseError(error);
  if (mapped) {
    if (mapped.code === "UNAVAILABLE") console.error(`[roundup] ${context}: database unreachable:`, error);
    return mapped;
  }
  console.error(`[roundup] ${context}:`, error);
  return new AppError("INTERNAL", GENERIC_ERROR_MESSAGE, { cause: error });
}

/** The message to show a user for any thrown value. */
export function userMessage(error: unknown, context: string): string {
  return toAppError(error, context).message;
}
