"use client";

import Link from "next/link";
import { useState } from "react";
import type { Role } from "@/generated/prisma/enums";
import { createAccountAction, type CreatedAccountData } from "@/lib/actions/accounts";
import type { ActionResult } from "@/lib/actions/result";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { useFormAction } from "@/components/ui/use-form-action";
import { useHydrated } from "./use-hydrated";
import { Field, FieldError } from "@/components/ui/field";
import { OutcomeLine } from "@/components/ui/outcome-line";
import { OneTimeSecret } from "./one-time-secret";
import "./accounts.css";

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
        <OutcomeLine result={state} id="create-message" />
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
        <OutcomeLine result={state} id="create-message" />
        <Field label="邮箱" name="email" id="create-email" error={state.fieldErrors?.email}>
          {(props) => <input {...props} type="email" autoComplete="off" value={values.email} onChange={set("email")} required />}
        </Field>
        <Field label="姓名" name="name" id="create-name" error={state.fieldErrors?.name}>
          {(props) => <input {...props} autoComplete="off" value={values.name} onChange={set("name")} required />}
        </Field>
        <Field label="角色" name="role" id="create-role" error={state.fieldErrors?.role}>
          {(props) => (
            <select {...props} value={values.role} onChange={set("role")}>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {ROLE_LABELS[role]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset className="choice">
          <legend>开通方式</legend>
          <label>
            <input type="radio" name="method" value="password" checked={values.method === "password"} onChange={set("method")} /> 生成临时密码
          </label>
          <label>
            <input type="radio" name="method" value="invite" checked={values.method === "invite"} onChange={set("method")} /> 生成邀请链接（7 天内有效）
          </label>
          <FieldError id="create-method-error" messages={state.fieldErrors?.method} />
      </fieldset>
      <button className="button" type="submit" disabled={pending}>
        {pending ? "正在创建…" : "创建账号"}
      </button>
      </fieldset>
    </form>
  );
}
