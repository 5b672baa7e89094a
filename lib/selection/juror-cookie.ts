// The juror cookie of an outside juror: the session's raw token, httpOnly, scoped by its path to one
// selection's jury page (so it is sent nowhere else, and a browser can be a juror of two selections).
export const JUROR_COOKIE = "roundup_juror";

export function juryPath(slug: string): string {
  return `/selections/${encodeURIComponent(slug)}/jury`;
}
