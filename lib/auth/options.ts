import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { Role } from "@/generated/prisma/enums";
import { verifyCredentials } from "@/lib/data/auth";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { signInSchema } from "@/lib/validation/auth";

type HeaderBag = Record<string, string | string[] | undefined> | undefined;

/** The client address for throttling: the proxy's X-Forwarded-For only when TRUST_PROXY says a proxy sets it. */
function clientIp(headers: HeaderBag): string {
  if (!getEnv().TRUST_PROXY) return "direct";
  const forwarded = headers?.["x-forwarded-for"];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
  return first || "direct";
}

export function getAuthOptions(): NextAuthOptions {
  const env = getEnv();
  return {
    secret: env.AUTH_SECRET,
    // Credentials sign-in in next-auth 4 requires JWT sessions; revocation is immediate anyway,
    // because every request re-checks the account (lib/data/auth.ts findSessionUser).
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
    pages: { signIn: "/login" },
    useSecureCookies: env.SITE_URL.startsWith("https://"),
    providers: [
      CredentialsProvider({
        name: "邮箱和密码",
        credentials: { email: { label: "邮箱", type: "email" }, password: { label: "密码", type: "password" } },
        async authorize(credentials, req) {
          const parsed = signInSchema.safeParse(credentials);
          if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? "请输入邮箱和密码。");
          try {
            const claims = await verifyCredentials(parsed.data.email, parsed.data.password, clientIp(req?.headers));
            return { id: claims.id, role: claims.role, sessionVersion: claims.sessionVersion };
          } catch (error) {
            // next-auth hands the thrown message to the sign-in page; only our own messages may pass.
            if (error instanceof AppError) throw new Error(error.message);
            console.error("[roundup] sign-in failed unexpectedly:", error);
            throw new Error("登录暂时不可用，请稍后再试。");
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          const claims = user as unknown as { id: string; role: Role; sessionVersion: number };
          token.uid = claims.id;
          token.role = claims.role;
          token.sv = claims.sessionVersion;
        }
        return token;
      },
      session({ session, token }) {
        // Only ids travel in the session; names and e-mail are read fresh from the database.
        return { ...session, user: { id: token.uid, role: token.role, sv: token.sv } };
      },
    },
  };
}
