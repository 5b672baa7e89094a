"use client";

import { useEffect, useRef, useState } from "react";
import { claimStoryLock, releaseStoryLock } from "@/lib/actions/stories";
import type { LockState } from "@/lib/data/story-history";

const HEARTBEAT_MS = 30_000;

function lockForm(storyId: string, takeover = false): FormData {
  const form = new FormData();
  form.set("id", storyId);
  if (takeover) form.set("takeover", "1");
  return form;
}

/**
 * Holds the soft lock while this writer is active. The lock is renewed only when they typed since the
 * last beat, so an idle tab lets it lapse after two minutes; closing the editor releases it.
 */
export function useStoryLock(storyId: string, enabled: boolean) {
  const [lock, setLock] = useState<LockState | null>(null);
  const active = useRef(false);

  useEffect(() => {
    if (!enabled) return;
    const claim = () =>
      claimStoryLock({ ok: false }, lockForm(storyId)).then((result) => {
        if (result.ok && result.data) setLock(result.data);
      });
    void claim();
    const timer = window.setInterval(() => {
      if (!active.current) return;
      active.current = false;
      void claim();
    }, HEARTBEAT_MS);
    return () => {
      window.clearInterval(timer);
      void releaseStoryLock({ ok: false }, lockForm(storyId));
    };
  }, [enabled, storyId]);

  return {
    lock,
    touch: () => {
      active.current = true;
    },
    takeOver: async () => {
      const result = await claimStoryLock({ ok: false }, lockForm(storyId, true));
      if (result.ok && result.data) setLock(result.data);
    },
  };
}
