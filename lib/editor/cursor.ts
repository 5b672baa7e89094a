// The story list's keyset cursor: the last row's updatedAt and id, opaque in the URL.

export function encodeCursor(row: { updatedAt: Date; id: string }): string {
  return Buffer.from(`${row.updatedAt.toISOString()}|${row.id}`).toString("base64url");
}

export function decodeCursor(cursor: string | undefined): { updatedAt: Date; id: string } | null {
  if (!cursor) return null;
  const [stamp, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const updatedAt = new Date(stamp ?? "");
  return id && !Number.isNaN(updatedAt.getTime()) ? { updatedAt, id } : null;
}
