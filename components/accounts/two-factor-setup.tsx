"use client";

import { useState } from "react";
import { beginTwoFactorAction, confirmTwoFactorAction, type EnrolmentData } from "@/lib/actions/two-factor";
import type { ActionResult } from "@/lib/actions/result";
import { useFormAction } from "@/components/ui/use-form-action";
import { useHydrated } from "./use-hydrated";
import { Field } from "@/components/ui/field";
import { OutcomeLine } from "@/components/ui/outcome-line";
import "./accounts.css";

const beginInitial: ActionResult<EnrolmentData> = { ok: false };
const confirmInitial: ActionResult<{ recoveryCodes: string[] }> = { ok: false };

/**
 * Enrolment in three steps on one page: get a QR code, confirm with a code from the app, write
 * down the ten recovery codes (shown this once). `done` is where the user goes afterwards.
 */
export function TwoFactorSetup({ done }: { done?: { href: string; label: string } }) {
  const [begun, onBegin, beginning] = useFormAction(beginTwoFactorAction, beginInitial);
  const [confirmed, onConfirm, confirming] = useFormAction(confirmTwoFactorAction, confirmInitial);
  const [code, setCode] = useState("");
  const hydrated = useHydrated();
  const recoveryCodes = confirmed.ok ? confirmed.data?.recoveryCodes : undefined;

  if (recoveryCodes) {
    return (
      <div className="one-time-secret">
        <OutcomeLine result={confirmed} />
        <p>
          <strong>恢复码（只显示这一次）：</strong>手机丢失时，每个恢复码可代替验证码登录一次。请打印或抄下，存放在安全的地方。
        </p>
        <ul aria-label="恢复码" className="recovery-codes">
          {recoveryCodes.map((recovery) => (
            <li key={recovery}>
              <code>{recovery}</code>
            </li>
          ))}
        </ul>
        {done ? (
          <p>
            <a className="button" href={done.href}>
              {done.label}
            </a>
          </p>
        ) : null}
      </div>
    );
  }

  const enrolment = begun.ok ? begun.data : undefined;
  return (
    <>
      <form className="form" onSubmit={onBegin}>
        <fieldset className="plain" disabled={!hydrated}>
          {begun.ok ? null : <OutcomeLine result={begun} id="two-factor-begin-message" />}
          <button className={enrolment ? "button button-secondary" : "button"} type="submit" disabled={beginning}>
            {beginning ? "正在生成…" : enrolment ? "重新生成二维码" : "开启两步验证"}
          </button>
        </fieldset>
      </form>
      {enrolment ? (
        <form className="form" onSubmit={onConfirm} noValidate>
          <fieldset className="plain" disabled={!hydrated}>
            <p>{begun.message}</p>
            {/* A data: URL made on the server from the otpauth:// link; nothing is loaded from elsewhere. */}
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img src={enrolment.qrDataUrl} alt="两步验证二维码：用身份验证器扫描" width={200} height={200} />
            <p>
              无法扫描时，在应用中手动输入密钥：<code aria-label="两步验证密钥">{enrolment.secret}</code>
            </p>
            <OutcomeLine result={confirmed} id="two-factor-confirm-message" />
            <Field label="6 位验证码" name="code" id="two-factor-code" error={confirmed.fieldErrors?.code}>
              {(props) => <input {...props} inputMode="numeric" autoComplete="one-time-code" value={code} onChange={(event) => setCode(event.target.value)} required />}
            </Field>
            <button className="button" type="submit" disabled={confirming}>
              {confirming ? "正在验证…" : "验证并开启"}
            </button>
          </fieldset>
        </form>
      ) : null}
    </>
  );
}
