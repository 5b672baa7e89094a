// The reader pages' only script (they are sent without React's runtime: lib/cache/reader-html.mjs).
// A story's 复制链接 link (components/site/copy-link-button.tsx) copies the story's address instead of
// opening it; without this script, or without clipboard access, it stays a plain link to the story.
"use strict";
document.addEventListener("click", (event) => {
  const link = event.target instanceof Element ? event.target.closest("a[data-copy-link]") : null;
  // A click meant to open the link elsewhere (a new tab, a download) is left to the browser.
  if (!link || !navigator.clipboard || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  const label = link.querySelector("[aria-live]") || link;
  navigator.clipboard.writeText(link.href).then(
    () => {
      label.textContent = "已复制链接";
    },
    () => {
      label.textContent = "无法复制，请手动复制下方链接";
    },
  );
});
