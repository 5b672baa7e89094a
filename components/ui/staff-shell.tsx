import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { ROLE_LABELS, type Actor } from "@/lib/auth/roles";

export type StaffNavItem = { href: string; label: string };

/** The frame of the staff areas (editor, admin): skip link, brand, navigation, who is signed in. */
export function StaffShell(props: { brand: string; brandHref: string; navLabel: string; items: StaffNavItem[]; user: Actor; children: ReactNode }) {
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
