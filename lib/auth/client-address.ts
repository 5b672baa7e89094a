// The client's address, for throttling and the audit log.
//
// Next.js fills X-Forwarded-For with the connection's own address when the request has none, and
// keeps one the client sent. So:
// - TRUST_PROXY=true (a reverse proxy that appends the address it saw): the LAST entry is the one
//   our proxy wrote; anything before it came from the client and may be invented.
// - otherwise: the connection's own address. Without a trusted proxy the server drops any
//   X-Forwarded-For the client sent before Next reads the request (lib/forwarded-for.ts, installed
//   by instrumentation.ts), so Next writes the real address and a client can't pick its own.

type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

function header(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

export function clientAddress(headers: HeaderSource, trustProxy: boolean): string {
  const entries = (header(headers, "x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const address = trustProxy ? entries.at(-1) : entries.join(",");
  // Bounded, so an invented header can't make the throttle keys or audit rows huge.
  return (address || "unknown").slice(0, 100);
}
