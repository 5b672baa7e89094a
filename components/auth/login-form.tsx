"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import "@/components/accounts/accounts.css";
import { useHydrated } from "@/components/accounts/use-hydrated";
import { SECOND_FACTOR_REQUIRED, signInSchema } from "@/lib/validation/auth";
import { Field } from "@/components/ui/field";
import { OutcomeLine } from "@/components/ui/outcome-line";

type FieldErrors = { email?: string; password?: string; code?: string };

export function LoginForm({ callbackUrl, defaultEmail = "" }: { callbackUrl: string; defaultEmail?: string }) {
  const router = useRouter();
  const [email, setEmail] = useState(defaultEmail);
  const [password, setPassword] = useState("");
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // Shown once the server says this account signs in with a second factor.
  const [needsCode, setNeedsCode] = useState(false);
  const [code, setCode] = useState("");
  const codeInput = useRef<HTMLInputElement>(null);
  const hydrated = useHydrated();

  useEffect(() => {
    if (needsCode) codeInput.current?.focus();
  }, [needsCode]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const parsed = signInSchema.safeParse({ email, password, ...(needsCode ? { code } : {}) });
    if (!parsed.success) {
      const errors: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if ((field === "email" || field === "password" || field === "code") && !errors[field]) errors[field] = issue.message;
      }
      setFieldErrors(errors);
      return;
    }
    setFieldErrors({});
    setPending(true);
    try {
      const result = await signIn("credentials", { ...parsed.data, redirect: false });
      if (result?.error === SECOND_FACTOR_REQUIRED) {
        // The password was right: keep it, and ask for the code.
        if (needsCode) setFieldErrors({ code: SECOND_FACTOR_REQUIRED });
        setNeedsCode(true);
        return;
      }
      if (!result || result.error) {
        setFormError(result?.error && result.error !== "CredentialsSignin" ? result.error : "邮箱或密码不正确。");
        // A wrong code keeps the password (it was right); anything else clears it.
        if (needsCode && result?.error?.startsWith("验证码")) setCode("");
        else {
          setPassword("");
          setNeedsCode(false);
          setCode("");
        }
        return;
      }
      router.replace(callbackUrl);
      router.refresh();
    } catch {
      setFormError("网络异常，登录请求没有送达。请检查网络后重试。");
    } finally {
      setPending(false);
    }
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-describedby={formError ? "login-error" : undefined}>
      <fieldset className="plain" disabled={!hydrated}>
        <OutcomeLine result={{ ok: false, message: formError ?? undefined }} id="login-error" />
        <Field label="邮箱" name="email" id="login-email" error={listOf(fieldErrors.email)}>
          {(props) => <input {...props} type="email" autoComplete="username" value={email} onChange={(event) => setEmail(event.target.value)} required />}
        </Field>
        <Field label="密码" name="password" id="login-password" error={listOf(fieldErrors.password)}>
          {(props) => <input {...props} type="password" autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} required />}
        </Field>
        {needsCode ? (
          <Field label="验证码" name="code" id="login-code" hint={SECOND_FACTOR_REQUIRED} error={listOf(fieldErrors.code)}>
            {(props) => <input {...props} ref={codeInput} type="text" autoComplete="one-time-code" value={code} onChange={(event) => setCode(event.target.value)} />}
          </Field>
        ) : null}
        <button className="button" type="submit" disabled={pending}>
          {pending ? "正在登录…" : "登录"}
        </button>
      </fieldset>
    </form>
  );
}

function listOf(message: string | undefined): string[] | undefined {
  return message ? [message] : undefined;
}
