"use client";

import { useState } from "react";

/**
 * A link to the story that, with JavaScript, copies its address instead of following it. Without
 * JavaScript (or without clipboard access) it stays a plain link to the same page.
 */
export function CopyLinkButton({ url }: { url: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <a
      href={url}
      className="copy-link"
      onClick={(event) => {
        if (!navigator.clipboard) return;
        event.preventDefault();
        navigator.clipboard.writeText(url).then(
          () => setState("copied"),
          () => setState("failed"),
        );
      }}
    >
      <span aria-live="polite">{state === "copied" ? "已复制链接" : state === "failed" ? "无法复制，请手动复制下方链接" : "复制链接"}</span>
    </a>
  );
}
