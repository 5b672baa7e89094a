import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { ROLE_LABELS, type Actor } from "@/lib/auth/roles";
import type { InboxCounts } from "@/lib/data/inbox";
import { formatInboxCount } from "@/lib/editor/inbox-count";

export type StaffNavItem = { href: string; label: string };

/** The frame of the staff areas (editor, admin): skip link, brand, navigation, who is signed in. */
export function StaffShell(props: { brand: string; brandHref: string; navLabel: string; items: StaffNavItem[]; user: Actor; inbox: InboxCounts; children: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">
        跳到正文
      </a>
      <header className="site-header">
        <div className="container">
          <Link className="brand" href={props.brandHref}>
            {props.brand}
          </Link>
          <nav className="site-nav" aria-label={props.navLabel}>
            <ul>
              {props.items.map((item) => (
                <li key={item.href}>
                  <Link href={item.href}>{item.label}</Link>
                </li>
              ))}
            </ul>
          </nav>
          <InboxLinks counts={props.inbox} />
          <span className="muted">
            {props.user.name}（{ROLE_LABELS[props.user.role]}）
          </span>
          <SignOutButton />
        </div>
      </header>
      <main id="main" className="container">
        {props.children}
      </main>
    </>
  );
}

const INBOX_PARTS = [
  { key: "review", label: "待我审核", anchor: "inbox-review" },
  { key: "returned", label: "退回给我", anchor: "inbox-returned" },
  { key: "scheduled", label: "即将定时发布", anchor: "inbox-scheduled" },
  { key: "unread", label: "未读关注", anchor: "inbox-followed" },
] as const;

/** What waits in the dashboard's inbox, one link per non-empty list; a plain link when nothing waits. */
function InboxLinks({ counts }: { counts: InboxCounts }) {
  const parts = INBOX_PARTS.filter((part) => counts[part.key] > 0);
  return (
    <nav className="inbox-links" aria-label="收件箱">
      {parts.length === 0 ? (
        <Link href="/editor#inbox">收件箱</Link>
      ) : (
        parts.map((part) => (
          <Link key={part.key} href={`/editor#${part.anchor}`}>
            {part.label} <span className="count">{formatInboxCount(counts[part.key])}</span>
          </Link>
        ))
      )}
    </nav>
  );
}
