export declare const CHANNEL: string;
