import type { Metadata } from "next";
import { NewsroomSettingsForm } from "@/components/accounts/newsroom-settings-form";
import { requireRole } from "@/lib/auth/guards";
import { getNewsroomSettings } from "@/lib/data/newsroom-settings";

export const metadata: Metadata = { title: "编辑部设置", robots: { index: false } };

export default async function NewsroomSettingsPage() {
  const user = await requireRole("ADMIN", "/admin/settings");
  const settings = await getNewsroomSettings(user);
  return (
    <>
      <h1>编辑部设置</h1>
      <NewsroomSettingsForm journalistsSeeAllStories={settings.journalistsSeeAllStories} />
    </>
  );
}
