/**
 * A link to the story that, with JavaScript, copies its address instead of following it
 * (public/reader.js does that: reader pages are sent without React's runtime, see
 * lib/cache/reader-html.mjs). Without JavaScript, or without clipboard access, it stays a plain link
 * to the same page.
 */
export function CopyLinkButton({ url }: { url: string }) {
  return (
    <>
      <a href={url} className="copy-link" data-copy-link="">
        <span aria-live="polite">复制链接</span>
      </a>
      <script src="/reader.js" async />
    </>
  );
}
