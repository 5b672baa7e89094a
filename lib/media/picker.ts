// What the image picker (the editor's 插入图片 dialog and the lead photo picker) knows of a media
// row: a small WebP to show, the file to put in a story body, and its texts. Shared by the route
// that lists and uploads media and the browser code that shows it.

export type PickerMedia = { id: string; alt: string; caption: string; credit: string; thumb: string | null; src: string | null };

/** What GET /editor/media/library answers. */
export type PickerList = { ok: true; items: PickerMedia[] } | { ok: false; message: string };

type Source = { id: string; alt: string; caption: string; credit: string; storageKey: string | null; variants: { key: string; width: number }[] };

/** Body images use the widest WebP up to 1600 px (the master can be a 2400 px original); thumbnails the 480 one. */
export function toPickerMedia(row: Source): PickerMedia {
  const widths = [...row.variants].sort((a, b) => a.width - b.width);
  const url = (key: string | undefined) => (key ? `/media/${key}` : null);
  const thumb = widths.find((variant) => variant.width === 480) ?? widths[0];
  const body = widths.filter((variant) => variant.width <= 1600).pop();
  return {
    id: row.id,
    alt: row.alt,
    caption: row.caption,
    credit: row.credit,
    thumb: url(thumb?.key ?? row.storageKey ?? undefined),
    src: url(body?.key ?? row.storageKey ?? undefined),
  };
}

/** The image's title in Markdown, shown as its caption: the caption, then the credit. */
export function captionLine(caption: string, credit: string): string {
  return [caption.trim(), credit.trim()].filter(Boolean).join(" ");
}
