"use client";

import { useState } from "react";

/** A password or link shown to the admin once: it is not stored anywhere it could be shown again. */
export function OneTimeSecret({ label, value, hint }: { label: string; value: string; hint: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="one-time-secret">
      <p>
        <strong>{label}（只显示这一次）：</strong>
      </p>
      <p>
        <code aria-label={label}>{value}</code>
      </p>
      <p className="muted">{hint}</p>
      <button
        type="button"
        className="button button-secondary"
        onClick={() => {
          void navigator.clipboard?.writeText(value).then(() => setCopied(true), () => setCopied(false));
        }}
      >
        {copied ? "已复制" : `复制${label}`}
      </button>
    </div>
  );
}
