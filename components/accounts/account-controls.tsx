"use client";

import { useCallback, useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { Role } from "@/generated/prisma/enums";
import { changeRoleAction, deactivateAccountAction, reactivateAccountAction, resetPasswordAction } from "@/lib/actions/accounts";
import { initialActionResult, type ActionResult } from "@/lib/actions/result";
import { resetTwoFactorAction } from "@/lib/actions/two-factor";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { useFormAction } from "@/components/ui/use-form-action";
import { useHydrated } from "./use-hydrated";
import { Field } from "@/components/ui/field";
import { OutcomeLine } from "@/components/ui/outcome-line";
import { OneTimeSecret } from "./one-time-secret";
import "./accounts.css";

const ROLES: Role[] = ["JOURNALIST", "EDITOR", "ADMIN"];

export function ChangeRoleForm({ userId, role }: { userId: string; role: Role }) {
  const [state, onSubmit, pending] = useFormAction(changeRoleAction, initialActionResult);
  const hydrated = useHydrated();
  const [value, setValue] = useState<string>(role);
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <fieldset className="plain" disabled={!hydrated}>
        <OutcomeLine result={state} id="role-message" />
        <input type="hidden" name="userId" value={userId} />
        <Field label="角色" name="role" id="account-role" error={state.fieldErrors?.role}>
          {(props) => (
            <select {...props} value={value} onChange={(event) => setValue(event.target.value)}>
              {ROLES.map((option) => (
                <option key={option} value={option}>
                  {ROLE_LABELS[option]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button className="button" type="submit" disabled={pending}>
          {pending ? "正在保存…" : "修改角色"}
        </button>
      </fieldset>
    </form>
  );
}

/** Deactivating asks first (the person is signed out at once); reactivating does not. */
export function ActiveToggleForm({ userId, name, active }: { userId: string; name: string; active: boolean }) {
  const [state, onSubmit, pending] = useFormAction(active ? deactivateAccountAction : reactivateAccountAction, initialActionResult);
  const hydrated = useHydrated();
  const [confirming, setConfirming] = useState(false);
  const close = useCallback(() => setConfirming(false), []);
  return (
    <form className="form" onSubmit={onSubmit}>
      <fieldset className="plain" disabled={!hydrated}>
        <OutcomeLine result={state} id="active-message" />
        <input type="hidden" name="userId" value={userId} />
        {active ? (
          <>
            <button className="button button-secondary" type="button" disabled={pending} onClick={() => setConfirming(true)}>
              {pending ? "正在处理…" : "停用账号"}
            </button>
            <ConfirmDialog open={confirming} title={`停用 ${name} 的账号？`} confirmLabel="确认停用" onClose={close} submit={{}} disabled={pending}>
              <p>对方会立即退出登录，之后不能再登录；其报道和记录保留。可以随时重新启用。</p>
            </ConfirmDialog>
          </>
        ) : (
          <button className="button" type="submit" disabled={pending}>
            {pending ? "正在处理…" : "重新启用账号"}
          </button>
        )}
      </fieldset>
    </form>
  );
}

const resetInitial: ActionResult<{ temporaryPassword: string }> = { ok: false };

export function ResetPasswordForm({ userId, email }: { userId: string; email: string }) {
  const [state, onSubmit, pending] = useFormAction(resetPasswordAction, resetInitial);
  const hydrated = useHydrated();
  return (
    <form className="form" onSubmit={onSubmit}>
      <fieldset className="plain" disabled={!hydrated}>
        <OutcomeLine result={state} id="reset-message" />
        {state.ok && state.data ? (
          <OneTimeSecret label="临时密码" value={state.data.temporaryPassword} hint={`请把临时密码告诉 ${email}。对方登录后必须设置新密码。`} />
        ) : null}
        <input type="hidden" name="userId" value={userId} />
        <button className="button button-secondary" type="submit" disabled={pending}>
          {pending ? "正在重置…" : "重置密码"}
        </button>
      </fieldset>
    </form>
  );
}

export function ResetTwoFactorForm({ userId }: { userId: string }) {
  const [state, onSubmit, pending] = useFormAction(resetTwoFactorAction, initialActionResult);
  const hydrated = useHydrated();
  return (
    <form className="form" onSubmit={onSubmit}>
      <fieldset className="plain" disabled={!hydrated}>
        <OutcomeLine result={state} id="reset-two-factor-message" />
        <input type="hidden" name="userId" value={userId} />
        <button className="button button-secondary" type="submit" disabled={pending}>
          {pending ? "正在重置…" : "重置两步验证"}
        </button>
      </fieldset>
    </form>
  );
}
