"use client";

import { useState } from "react";
import { initialActionResult } from "@/lib/actions/result";
import { acceptInviteAction, changePasswordAction, setNewPasswordAction, updateProfileAction } from "@/lib/actions/own-account";
import { useFormAction } from "./use-form-action";
import { useHydrated } from "./use-hydrated";
import { FieldError, FormMessage, invalidProps } from "./form-bits";
import { NewPasswordFields } from "./password-fields";

export function ProfileForm({ name }: { name: string }) {
  const [state, onSubmit, pending] = useFormAction(updateProfileAction, initialActionResult);
  const hydrated = useHydrated();
  const [value, setValue] = useState(name);
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <fieldset className="plain" disabled={!hydrated}>
        <FormMessage state={state} id="profile-message" />
        <label>
          姓名
          <input name="name" value={value} onChange={(event) => setValue(event.target.value)} autoComplete="name" required {...invalidProps(state, "name", "profile-name-error")} />
          <FieldError state={state} name="name" id="profile-name-error" />
        </label>
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
        <FormMessage state={state} id="password-message" />
        <label>
          当前密码
          <input
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(event) => setCurrent(event.target.value)}
            required
            {...invalidProps(state, "currentPassword", "current-password-error")}
          />
          <FieldError state={state} name="currentPassword" id="current-password-error" />
        </label>
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
        <FormMessage state={state} id="set-password-message" />
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
        <FormMessage state={state} id="invite-message" />
        <input type="hidden" name="token" value={token} />
        <NewPasswordFields state={state} idPrefix="invite" />
        <button className="button" type="submit" disabled={pending}>
          {pending ? "正在开通…" : "设置密码并开通账号"}
        </button>
      </fieldset>
    </form>
  );
}
