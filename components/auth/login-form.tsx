"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import "@/components/accounts/accounts.css";
import { useHydrated } from "@/components/accounts/use-hydrated";
import { signInSchema } from "@/lib/validation/auth";

type FieldErrors = { email?: string; password?: string };

export function LoginForm({ callbackUrl, defaultEmail = "" }: { callbackUrl: string; defaultEmail?: string }) {
  const router = useRouter();
  const [email, setEmail] = useState(defaultEmail);
  const [password, setPassword] = useState("");
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const parsed = signInSchema.safeParse({ email, password });
    if (!parsed.success) {
      const errors: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if ((field === "email" || field === "password") && !errors[field]) errors[field] = issue.message;
      }
      setFieldErrors(errors);
      return;
    }
    setFieldErrors({});
    setPending(true);
    try {
      const result = await signIn("credentials", { ...parsed.data, redirect: false });
      if (!result || result.error) {
        setFormError(result?.error && result.error !== "CredentialsSignin" ? result.error : "邮箱或密码不正确。");
        setPassword("");
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
        <button className="button" type="submit" disabled={pending}>
          {pending ? "正在登录…" : "登录"}
        </button>
      </fieldset>
    </form>
  );
}
