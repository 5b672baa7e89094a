"use client";

import { useRouter } from "next/navigation";
import { useCallback, useState, useTransition, type DragEvent } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { removeRoundupItem, reorderRoundup } from "@/lib/actions/roundups";
import { STATUS_LABELS } from "@/lib/editor/workflow";
import { moveItem } from "@/lib/editor/reorder";
import type { ComposerItem } from "@/lib/data/roundups";

/**
 * The ranked items: reorder by dragging or with the 上移/下移 buttons (keyboard users). The new order
 * shows at once and is saved as a whole; if the server refuses, the old order comes back with a reason.
 */
export function RoundupItems({ roundupId, initialItems }: { roundupId: string; initialItems: ComposerItem[] }) {
  const router = useRouter();
  const [items, setItems] = useState(initialItems);
  const [dragging, setDragging] = useState<number | null>(null);
  const [message, setMessage] = useState("");
  const [pending, startTransition] = useTransition();
  // The item waiting for "remove" to be confirmed.
  const [removing, setRemoving] = useState<ComposerItem | null>(null);
  const closeRemove = useCallback(() => setRemoving(null), []);

  function commit(next: ComposerItem[], moved: ComposerItem) {
    const previous = items;
    setItems(next);
    startTransition(async () => {
      const form = new FormData();
      form.set("id", roundupId);
      for (const item of next) form.append("itemIds", item.id);
      const result = await reorderRoundup({ ok: false }, form);
      if (result.ok) {
        setMessage(`《${moved.title}》现在是第 ${next.indexOf(moved) + 1} 名。`);
      } else {
        setItems(previous);
        setMessage(result.message ?? "排序没有保存。");
      }
    });
  }

  function move(index: number, to: number) {
    const item = items[index];
    if (!item || to < 0 || to >= items.length) return;
    commit(moveItem(items, index, to), item);
  }

  function onDrop(event: DragEvent, to: number) {
    event.preventDefault();
    if (dragging !== null && dragging !== to) move(dragging, to);
    setDragging(null);
  }

  function remove(item: ComposerItem) {
    startTransition(async () => {
      const form = new FormData();
      form.set("id", roundupId);
      form.set("itemId", item.id);
      const result = await removeRoundupItem({ ok: false }, form);
      setMessage(result.message ?? "");
      if (result.ok) {
        setItems((current) => current.filter((i) => i.id !== item.id));
        router.refresh();
      }
    });
  }

  if (items.length === 0) return <p>榜单还没有条目，请在下方搜索并添加报道。</p>;
  return (
    <>
      <ol className="composer-list" aria-label="榜单条目（按排名）" aria-busy={pending}>
        {items.map((item, index) => (
          <li
            key={item.id}
            className="composer-item"
            draggable
            data-dragging={dragging === index}
            onDragStart={() => setDragging(index)}
            onDragOver={(event) => event.preventDefault()}
            onDrop={(event) => onDrop(event, index)}
            onDragEnd={() => setDragging(null)}
          >
            <span className="rank-badge" aria-label={`第 ${index + 1} 名`}>
              {index + 1}
            </span>
            <span>
              {item.title} <span className="muted">（{STATUS_LABELS[item.status]}）</span>
            </span>
            <span className="actions">
              <button type="button" className="button button-secondary" aria-label={`上移：${item.title}`} aria-disabled={index === 0} onClick={() => move(index, index - 1)}>
                上移
              </button>
              <button type="button" className="button button-secondary" aria-label={`下移：${item.title}`} aria-disabled={index === items.length - 1} onClick={() => move(index, index + 1)}>
                下移
              </button>
              <button type="button" className="button button-secondary" aria-label={`移除：${item.title}`} onClick={() => setRemoving(item)}>
                移除
              </button>
            </span>
          </li>
        ))}
      </ol>
      <p role="status" aria-live="polite">
        {message}
      </p>
      <ConfirmDialog
        open={removing !== null}
        title={`从榜单中移除《${removing?.title ?? ""}》？`}
        confirmLabel="确认移除"
        onClose={closeRemove}
        onConfirm={() => {
          if (removing) remove(removing);
        }}
      >
        <p>后面的条目会依次前移一名。报道本身不受影响。</p>
      </ConfirmDialog>
    </>
  );
}
