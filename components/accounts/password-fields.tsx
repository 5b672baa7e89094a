"use client";

import { useState } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { Field } from "@/components/ui/field";

/** New password twice, kept in state so a refused submit doesn't wipe what was typed. */
export function NewPasswordFields({ state, idPrefix }: { state: ActionResult; idPrefix: string }) {
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  return (
    <>
      <Field label="新密码（至少 10 个字符）" name="newPassword" id={`${idPrefix}-new`} error={state.fieldErrors?.newPassword}>
        {(props) => <input {...props} type="password" autoComplete="new-password" value={password} onChange={(event) => setPassword(event.target.value)} required minLength={10} />}
      </Field>
      <Field label="再次输入新密码" name="confirmPassword" id={`${idPrefix}-confirm`} error={state.fieldErrors?.confirmPassword}>
        {(props) => <input {...props} type="password" autoComplete="new-password" value={confirm} onChange={(event) => setConfirm(event.target.value)} required />}
      </Field>
    </>
  );
}
