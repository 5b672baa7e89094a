import ipaddr from "ipaddr.js";

// The network a client address belongs to, for the per-network ballot limits: a /24 for IPv4 (a
// household or an office NAT and its neighbours), a /48 for IPv6 (one site's allocation, since a
// single client can hold a whole /64 and more). IPv4-mapped IPv6 addresses count as IPv4.

export function networkOf(address: string): string {
  if (!ipaddr.isValid(address)) return `other:${address}`;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  if (parsed.kind() === "ipv4") {
    const [a, b, c] = (parsed as ipaddr.IPv4).octets;
    return `${a}.${b}.${c}.0/24`;
  }
  const parts = (parsed as ipaddr.IPv6).parts;
  return `${[parts[0], parts[1], parts[2]].map((part) => (part ?? 0).toString(16)).join(":")}::/48`;
}
