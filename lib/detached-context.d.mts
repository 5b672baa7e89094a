// Types of the plain-JavaScript detached context (lib/detached-context.mjs), for the TypeScript code that uses it.
import pg from "pg";

export declare function captureStartupContext(): void;
export declare function runDetached<T>(run: () => T): T;
export declare class DetachedClient extends pg.Client {}
