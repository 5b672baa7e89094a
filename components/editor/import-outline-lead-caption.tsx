"use client";

import { useState } from "react";

/** Moves the list's lead photo caption to the item whose event the photo shows. */
export function LeadCaptionMover({ count, onMove }: { count: number; onMove: (itemIndex: number) => void }) {
  const [target, setTarget] = useState(0);
  if (count === 0) return null;
  return (
    <span className="outline-inline">
      <label>
        榜单图片说明移到
        <select value={target} onChange={(event) => setTarget(Number(event.target.value))}>
          {Array.from({ length: count }, (_, index) => (
            <option key={index} value={index}>
              第{index + 1}条
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button button-secondary button-small" onClick={() => onMove(target)}>
        移过去
      </button>
    </span>
  );
}
