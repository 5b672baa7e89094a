/** Only same-site paths may be a post-sign-in destination, so /login can't be used to bounce readers elsewhere. */
export function safeCallbackPath(value: string | null | undefined, fallback = "/editor"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  if (value.startsWith("/login")) return fallback;
  return value;
}
