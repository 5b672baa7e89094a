import type { Metadata } from "next";
import { FrontPageForm } from "@/components/editor/front-page-form";
import { requireRole } from "@/lib/auth/guards";
import { getFrontPageChoices } from "@/lib/data/front-page";

export const metadata: Metadata = { title: "首页编排", robots: { index: false } };

export default async function FrontPageEditor() {
  const user = await requireRole("EDITOR", "/editor/front-page");
  const choices = await getFrontPageChoices(user);
  return (
    <>
      <h1>首页编排</h1>
      <p className="muted">选定的榜单会一直留在首页，发布其他榜单不会把它换掉；它被撤下后，首页自动显示最新发布的榜单。</p>
      <FrontPageForm choices={choices} />
    </>
  );
}
