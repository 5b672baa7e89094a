import type { Metadata } from "next";
import { ImportWizard } from "@/components/editor/import-wizard";
import { requireRole } from "@/lib/auth/guards";
import { listSections } from "@/lib/data/stories";

export const metadata: Metadata = { title: "导入榜单", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function ImportPage() {
  const actor = await requireRole("EDITOR", "/editor/import");
  const sections = await listSections(actor);
  return (
    <>
      <h1>导入榜单</h1>
      <p className="muted">
        粘贴或上传一份“年度十大新闻”类文档（.txt / .md，UTF-8 或 GBK，2 MB 以内）。系统会识别标题、年份、评选单位、导语和每条新闻，先给出可修改的预览：识别有误的地方（拆分、合并、标题与正文、图片说明、序号）都可以在预览里直接改正，改好后再创建草稿榜单和草稿报道；原文不会被修改。
      </p>
      <ImportWizard sections={sections.map((section) => ({ id: section.id, name: section.name }))} />
    </>
  );
}
