"use client";

import { ActionForm } from "@/components/selection/action-form";
import { inviteJuror } from "@/lib/actions/selections";

/** Invites an outside juror and shows the single-use link once (only its hash is stored). */
export function InviteJurorForm({ selectionId }: { selectionId: string }) {
  return (
    <ActionForm
      action={inviteJuror}
      hidden={{ selectionId }}
      fields={[
        { name: "name", label: "评委姓名", kind: "text" },
        { name: "days", label: "链接有效天数", kind: "number" },
      ]}
      values={{ name: "", days: "7" }}
      submitLabel="生成邀请链接"
      pendingLabel="正在生成…"
      clearOnSuccess
      renderData={(data) => (
        <p>
          <label>
            邀请链接（请现在复制并发给评委，离开本页后无法再次查看）
            <input readOnly value={data.link} onFocus={(e) => e.currentTarget.select()} />
          </label>
        </p>
      )}
    />
  );
}
