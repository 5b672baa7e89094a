import type { ReactNode } from "react";
import { getInboxCounts } from "@/lib/data/inbox";
import { StaffShell, type StaffNavItem } from "@/components/ui/staff-shell";
import { hasRole, requireUser } from "@/lib/auth/guards";
import type { Actor } from "@/lib/auth/roles";
import "./editor.css";

export const dynamic = "force-dynamic";

// Journalists see only what they may use: roundups and the importer are editors' work.
function editorNav(user: Actor): StaffNavItem[] {
  const editor = hasRole(user, "EDITOR");
  return [
    { href: "/editor", label: "工作台" },
    ...(editor ? [{ href: "/editor/import", label: "导入榜单" }] : []),
    { href: "/editor/stories", label: "报道" },
    ...(editor ? [{ href: "/editor/roundups", label: "榜单" }, { href: "/editor/selections", label: "年度评选" }, { href: "/editor/front-page", label: "首页编排" }] : []),
    { href: "/editor/media", label: "媒体库" },
    { href: "/", label: "查看网站" },
    { href: "/editor/account", label: "我的账号" },
    ...(user.role === "ADMIN" ? [{ href: "/admin", label: "管理" }] : []),
  ];
}

export default async function EditorLayout({ children }: { children: ReactNode }) {
  const user = await requireUser("/editor");
  return (
    <StaffShell brand="Roundup 编辑部" brandHref="/editor" navLabel="编辑部导航" items={editorNav(user)} user={user} inbox={await getInboxCounts(user)}>
      {children}
    </StaffShell>
  );
}
