import type { StoryInput } from "@/lib/validation/story";

/** A save of the story editor's fields, as the action passes it to lib/data after parsing. */
export function storyInput(id: string, baseVersion: number, patch: Partial<StoryInput> = {}): StoryInput {
  return { id, baseVersion, title: "冰雪经济", dek: "", body: "正文", byline: "", slug: "", sectionId: null, tags: [], leadMediaId: null, ...patch };
}
