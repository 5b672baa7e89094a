// The client's address, for throttling and the audit log.
//
// Next.js fills X-Forwarded-For with the connection's own address when the request has none, and
// keeps one the client sent. So:
// - TRUST_PROXY=true (a reverse proxy that appends the address it saw): the LAST entry is the one
//   our proxy wrote; anything before it came from the client and may be invented.
// - otherwise: the header as Next.js left it, i.e. the connection's address for an ordinary client.
//   A client that sends its own X-Forwarded-For picks its own address then, which is why sign-in is
//   also slowed per account (lib/data/throttle.ts) and why deployments behind a proxy should set
//   TRUST_PROXY=true.

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
