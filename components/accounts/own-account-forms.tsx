"use client";

import { useState } from "react";
import { initialActionResult } from "@/lib/actions/result";
import { acceptInviteAction, changePasswordAction, setNewPasswordAction, updateProfileAction } from "@/lib/actions/own-account";
import { useFormAction } from "@/components/ui/use-form-action";
import { useHydrated } from "./use-hydrated";
import { Field } from "@/components/ui/field";
import { OutcomeLine } from "@/components/ui/outcome-line";
import { NewPasswordFields } from "./password-fields";
import "./accounts.css";

export function ProfileForm({ name }: { name: string }) {
  const [state, onSubmit, pending] = useFormAction(updateProfileAction, initialActionResult);
  const hydrated = useHydrated();
  const [value, setValue] = useState(name);
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <fieldset className="plain" disabled={!hydrated}>
        <OutcomeLine result={state} id="profile-message" />
        <Field label="姓名" name="name" id="profile-name" error={state.fieldErrors?.name}>
          {(props) => <input {...props} value={value} onChange={(event) => setValue(event.target.value)} autoComplete="name" required />}
        </Field>
        <button className="button" type="submit" disabled={pending}>
          {pending ? "正在保存…" : "保存姓名"}
        </button>
      </fieldset>
    </form>
  );
}

export function ChangePasswordForm() {
  const [state, onSubmit, pending] = useFormAction(changePasswordAction, initialActionResult);
  const hydrated = useHydrated();
  const [current, setCurrent] = useState("");
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <fieldset className="plain" disabled={!hydrated}>
        <OutcomeLine result={state} id="password-message" />
        <Field label="当前密码" name="currentPassword" id="current-password" error={state.fieldErrors?.currentPassword}>
          {(props) => <input {...props} type="password" autoComplete="current-password" value={current} onChange={(event) => setCurrent(event.target.value)} required />}
        </Field>
        <NewPasswordFields state={state} idPrefix="change" />
        <p className="muted">修改后所有设备上的登录都会失效，需要用新密码重新登录。</p>
        <button className="button" type="submit" disabled={pending}>
          {pending ? "正在修改…" : "修改密码"}
        </button>
      </fieldset>
    </form>
  );
}

export function SetNewPasswordForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, onSubmit, pending] = useFormAction(setNewPasswordAction, initialActionResult);
  const hydrated = useHydrated();
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <fieldset className="plain" disabled={!hydrated}>
        <OutcomeLine result={state} id="set-password-message" />
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <NewPasswordFields state={state} idPrefix="set" />
        <button className="button" type="submit" disabled={pending}>
          {pending ? "正在保存…" : "设置新密码"}
        </button>
      </fieldset>
    </form>
  );
}

export function AcceptInviteForm({ token }: { token: string }) {
  const [state, onSubmit, pending] = useFormAction(acceptInviteAction, initialActionResult);
  const hydrated = useHydrated();
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <fieldset className="plain" disabled={!hydrated}>
        <OutcomeLine result={state} id="invite-message" />
        <input type="hidden" name="token" value={token} />
        <NewPasswordFields state={state} idPrefix="invite" />
        <button className="button" type="submit" disabled={pending}>
          {pending ? "正在开通…" : "设置密码并开通账号"}
        </button>
      </fieldset>
    </form>
  );
}
