import type { Metadata } from "next";
import { NewStoryForm } from "@/components/editor/new-story-form";
import { requireUser } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "写新报道", robots: { index: false } };

export default async function NewStoryPage() {
  await requireUser("/editor/stories/new");
  return (
    <>
      <h1>写新报道</h1>
      <NewStoryForm />
    </>
  );
}
