// Types of the plain-JavaScript policy module, for the TypeScript code and tests that use it.
export declare function contentSecurityPolicy(options: { nonce?: string; development?: boolean; https?: boolean }): string;
export declare const SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }>;
export declare const NONCE_PATH_PREFIXES: readonly ["/editor", "/admin", "/login", "/change-password", "/two-factor", "/invite"];
