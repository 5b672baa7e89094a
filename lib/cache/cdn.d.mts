// Types of the plain-JavaScript CDN helpers, for the TypeScript code and tests that use them.
export type KeyHeader = "xkey" | "surrogate-key" | "cache-tag";
export declare const KEY_HEADERS: readonly KeyHeader[];
export declare function surrogateKeys(tags: string[]): string[];
export declare function parseKeyHeaders(value: string | undefined): KeyHeader[];
export declare function sharedCacheControl(options: { purging: boolean; status?: number }): string;
export declare function cdnHeaders(tags: string[], options: { purging: boolean; keyHeaders: KeyHeader[]; status?: number }): Record<string, string>;
export declare class Purger {
  constructor(options: { url: string; token?: string });
  purge(tags: string[]): void;
  flush(): Promise<void>;
}
