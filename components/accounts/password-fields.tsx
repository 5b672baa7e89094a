"use client";

import { useState } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { FieldError, invalidProps } from "./form-bits";

/** New password twice, kept in state so a refused submit doesn't wipe what was typed. */
export function NewPasswordFields({ state, idPrefix }: { state: ActionResult; idPrefix: string }) {
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  return (
    <>
      <label>
        新密码（至少 10 个字符）
        <input
          name="newPassword"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          required
          minLength={10}
          {...invalidProps(state, "newPassword", `${idPrefix}-new-error`)}
        />
        <FieldError state={state} name="newPassword" id={`${idPrefix}-new-error`} />
      </label>
      <label>
        再次输入新密码
        <input
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={(event) => setConfirm(event.target.value)}
          required
          {...invalidProps(state, "confirmPassword", `${idPrefix}-confirm-error`)}
        />
        <FieldError state={state} name="confirmPassword" id={`${idPrefix}-confirm-error`} />
      </label>
    </>
  );
}
