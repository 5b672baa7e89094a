export declare const SCHEDULE_SQL: string;
export declare const ROUNDUP_SCHEDULE_SQL: string;
export declare function goLiveTagsForStory(story: { slug: string; section: string | null; tags: string[]; roundups: string[] }): string[];
export declare function goLiveTagsForRoundup(roundup: { slug: string; stories: string[] }): string[];
