// Expected failures carry a message a user can read; anything else is logged and shown generically.

export type ErrorKind = "validation" | "not_found" | "conflict" | "forbidden" | "unauthenticated" | "rate_limited";

export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const forbidden = (message = "你没有权限执行此操作。") => new AppError("forbidden", message);
export const unauthenticated = (message = "请先登录。") => new AppError("unauthenticated", message);
export const notFound = (message = "找不到该内容，可能已被删除。") => new AppError("not_found", message);
export const conflict = (message: string) => new AppError("conflict", message);

export const GENERIC_ERROR_MESSAGE = "服务器出了点问题，请稍后再试。问题已记录。";

/** The message to show a user for any thrown value; unexpected errors are logged with context. */
export function userMessage(error: unknown, context: string): string {
  if (error instanceof AppError) return error.message;
  console.error(`[roundup] ${context}:`, error);
  return GENERIC_ERROR_MESSAGE;
}
