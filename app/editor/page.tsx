import type { Metadata } from "next";
import { getCurrentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "工作台", robots: { index: false } };

export default async function EditorDashboard() {
  const user = await getCurrentUser();
  return (
    <>
      <h1>工作台</h1>
      <p>欢迎回来，{user?.name}。</p>
    </>
  );
}
