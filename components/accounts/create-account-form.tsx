"use client";

import Link from "next/link";
import { useState } from "react";
import type { Role } from "@/generated/prisma/enums";
import { createAccountAction, type CreatedAccountData } from "@/lib/actions/accounts";
import type { ActionResult } from "@/lib/actions/result";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { useFormAction } from "./use-form-action";
import { useHydrated } from "./use-hydrated";
import { FieldError, FormMessage, invalidProps } from "./form-bits";
import { OneTimeSecret } from "./one-time-secret";

const initial: ActionResult<CreatedAccountData> = { ok: false };
const ROLES: Role[] = ["JOURNALIST", "EDITOR", "ADMIN"];

/** After an account is created, "再创建一个" remounts a blank form instead of reloading the page. */
export function CreateAccountForm() {
  const [round, setRound] = useState(0);
  return <CreateAccountRound key={round} onAgain={() => setRound((n) => n + 1)} />;
}

function CreateAccountRound({ onAgain }: { onAgain: () => void }) {
  const [state, onSubmit, pending] = useFormAction(createAccountAction, initial);
  const hydrated = useHydrated();
  const [values, setValues] = useState({ email: "", name: "", role: "JOURNALIST", method: "password" });
  const set = (key: keyof typeof values) => (event: { target: { value: string } }) => setValues((old) => ({ ...old, [key]: event.target.value }));

  if (state.ok && state.data) {
    const { data } = state;
    return (
      <section aria-labelledby="created-heading">
        <h2 id="created-heading">账号已创建</h2>
        <FormMessage state={state} id="create-message" />
        {data.temporaryPassword ? (
          <OneTimeSecret label="临时密码" value={data.temporaryPassword} hint={`请把临时密码告诉 ${data.email}。对方首次登录后必须设置自己的密码。`} />
        ) : null}
        {data.inviteUrl ? (
          <OneTimeSecret label="邀请链接" value={data.inviteUrl} hint={`请把链接发给 ${data.email}，${data.expiresInDays ?? 7} 天内有效，只能使用一次。`} />
        ) : null}
        <p>
          <Link href="/admin">返回账号列表</Link>{" "}
          <button type="button" className="button button-secondary" onClick={onAgain}>
            再创建一个
          </button>
        </p>
      </section>
    );
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <fieldset className="plain" disabled={!hydrated}>
        <FormMessage state={state} id="create-message" />
        <label>
          邮箱
          <input name="email" type="email" autoComplete="off" value={values.email} onChange={set("email")} required {...invalidProps(state, "email", "create-email-error")} />
          <FieldError state={state} name="email" id="create-email-error" />
        </label>
        <label>
          姓名
          <input name="name" autoComplete="off" value={values.name} onChange={set("name")} required {...invalidProps(state, "name", "create-name-error")} />
          <FieldError state={state} name="name" id="create-name-error" />
        </label>
        <label>
          角色
          <select name="role" value={values.role} onChange={set("role")} {...invalidProps(state, "role", "create-role-error")}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
          <FieldError state={state} name="role" id="create-role-error" />
        </label>
        <fieldset className="choice">
          <legend>开通方式</legend>
          <label>
            <input type="radio" name="method" value="password" checked={values.method === "password"} onChange={set("method")} /> 生成临时密码
          </label>
          <label>
            <input type="radio" name="method" value="invite" checked={values.method === "invite"} onChange={set("method")} /> 生成邀请链接（7 天内有效）
          </label>
          <FieldError state={state} name="method" id="create-method-error" />
      </fieldset>
      <button className="button" type="submit" disabled={pending}>
        {pending ? "正在创建…" : "创建账号"}
      </button>
      </fieldset>
    </form>
  );
}
