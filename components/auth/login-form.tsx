"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import "@/components/accounts/accounts.css";
import { useHydrated } from "@/components/accounts/use-hydrated";
import { SECOND_FACTOR_REQUIRED, signInSchema } from "@/lib/validation/auth";

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
        {formError ? (
          <p id="login-error" className="form-error" role="alert">
            {formError}
          </p>
        ) : null}
        <label>
          邮箱
          <input
            name="email"
            type="email"
            autoComplete="username"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            aria-invalid={!!fieldErrors.email}
            aria-describedby={fieldErrors.email ? "email-error" : undefined}
            required
          />
          {fieldErrors.email ? (
            <span id="email-error" className="field-error">
              {fieldErrors.email}
            </span>
          ) : null}
        </label>
        <label>
          密码
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            aria-invalid={!!fieldErrors.password}
            aria-describedby={fieldErrors.password ? "password-error" : undefined}
            required
          />
          {fieldErrors.password ? (
            <span id="password-error" className="field-error">
              {fieldErrors.password}
            </span>
          ) : null}
        </label>
        {needsCode ? (
          <>
            <label>
              验证码
              <input
                ref={codeInput}
                name="code"
                type="text"
                autoComplete="one-time-code"
                value={code}
                onChange={(event) => setCode(event.target.value)}
                aria-invalid={!!fieldErrors.code}
                aria-describedby={fieldErrors.code ? "code-hint code-error" : "code-hint"}
              />
            </label>
            <p id="code-hint" className="muted">
              {SECOND_FACTOR_REQUIRED}
            </p>
            {fieldErrors.code ? (
              <p id="code-error" className="field-error">
                {fieldErrors.code}
              </p>
            ) : null}
          </>
        ) : null}
        <button className="button" type="submit" disabled={pending}>
          {pending ? "正在登录…" : "登录"}
        </button>
      </fieldset>
    </form>
  );
}
