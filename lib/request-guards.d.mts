// Types of the plain-JavaScript request guards, for the TypeScript code and tests that use them.
export declare const ACTION_BODY_LIMIT_BYTES: number;
export declare function malformedAddress(url: URL): "path" | "query" | null;
export type Refusal = { status: number; contentType: string; body: string };
export declare function refuseHostileRequest(request: { method: string; url: URL; header: (name: string) => string | null | undefined }): Refusal | null;
