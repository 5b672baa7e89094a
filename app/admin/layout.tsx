import type { ReactNode } from "react";
import { getInboxCounts } from "@/lib/data/inbox";
import { StaffShell } from "@/components/ui/staff-shell";
import { requireRole } from "@/lib/auth/guards";
import "./admin.css";

export const dynamic = "force-dynamic";

const ADMIN_NAV = [
  { href: "/admin", label: "账号" },
  { href: "/admin/audit", label: "审计日志" },
  { href: "/admin/settings", label: "设置" },
  { href: "/editor", label: "编辑部" },
  { href: "/editor/account", label: "我的账号" },
];

// Layouts are not re-rendered on client-side navigation, so every admin page checks the role again itself.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireRole("ADMIN", "/admin");
  return (
    <StaffShell brand="Roundup 管理" brandHref="/admin" navLabel="管理导航" items={ADMIN_NAV} user={user} inbox={await getInboxCounts(user)}>
      {children}
    </StaffShell>
  );
}
