import { useSyncExternalStore } from "react";

const subscribe = () => () => undefined;

/**
 * False in the server HTML and during hydration, true once React owns the page. Staff forms keep
 * their fields disabled until then, so nothing typed in that first moment is lost to hydration.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(subscribe, () => true, () => false);
}
