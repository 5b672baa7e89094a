// Types of the plain-JavaScript voting page template (voting-template.mjs), for the page and the tests.
export declare const TEMPLATE_UNTIL_ATTRIBUTE: "data-front-door-until";
export declare const TEMPLATE_TTL_MS: number;
export type VotingTemplate = { prefix: string; suffix: string; selectionId: string | null; headers: Array<[string, string]>; createdAt: number; until: number };
export declare function takeTemplateMark(html: string): { html: string; until: number | null };
export declare function makeTemplate(
  html: string,
  options: { until: number; createdAt: number; headers: Array<[string, string]>; tokenSelection: (token: string) => string | null },
): VotingTemplate | null;
export declare function templateUsable(template: VotingTemplate, now: number, changedSince: (createdAt: number) => boolean): boolean;
export declare function fillTemplate(template: VotingTemplate, newToken: (selectionId: string) => string): string;
