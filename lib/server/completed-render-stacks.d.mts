// Types of the plain-JavaScript render-abort workaround, for its test.
export declare const COMPLETED_RENDER_MESSAGE: string;
export declare function releaseCompletedRenderStacks(): void;
