// Types of the plain-JavaScript outage check, for the TypeScript code and tests that use it.
export declare const RETRY_AFTER_SECONDS: number;
export declare function cannotServeDuringOutage(method: string, pathname: string): boolean;
export declare const OUTAGE_HTML: string;
