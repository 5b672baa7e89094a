// Types of the plain-JavaScript reader-page filter, for the TypeScript code and tests that use it.
export declare function withoutNextRuntime(html: string): string;
