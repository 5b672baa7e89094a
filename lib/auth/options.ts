import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { Role } from "@/generated/prisma/enums";
import { clientAddress } from "@/lib/auth/client-address";
import { findSessionUser, verifyCredentials } from "@/lib/data/auth";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { safeRedirectUrl } from "@/lib/safe-redirect";
import { signInSchema } from "@/lib/validation/auth";

/** Thrown by the session callback for a token whose account was deactivated or changed: next-auth then answers with no session and clears the cookie. */
class EndedSession extends Error {
  constructor() {
    super("session ended: account deactivated or its session version moved on");
    this.name = "EndedSession";
  }
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
        credentials: {
          email: { label: "邮箱", type: "email" },
          password: { label: "密码", type: "password" },
          code: { label: "验证码", type: "text" },
        },
        async authorize(credentials, req) {
          const parsed = signInSchema.safeParse(credentials);
          if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? "请输入邮箱和密码。");
          try {
            const { email, password, code } = parsed.data;
            const claims = await verifyCredentials(email, password, clientAddress(req?.headers, env.TRUST_PROXY), { code });
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
      async session({ session, token }) {
        // /api/auth/session and getServerSession both come here: a token whose account was
        // deactivated, changed role or had its password reset gets no session at all.
        const user = typeof token.uid === "string" && typeof token.sv === "number" ? await findSessionUser({ id: token.uid, role: token.role, sessionVersion: token.sv }) : null;
        if (!user) throw new EndedSession();
        // Only ids travel in the session; names and e-mail are read fresh from the database.
        return { ...session, user: { id: token.uid, role: user.role, sv: token.sv } };
      },
      // Every redirect next-auth makes (after sign-in or sign-out) goes through the same-site rule.
      redirect({ url, baseUrl }) {
        return safeRedirectUrl(url, baseUrl);
      },
    },
    logger: {
      error(code, metadata) {
        // An ended session is expected, not an error worth a log line per request.
        const cause = metadata instanceof Error ? metadata : (metadata as { error?: unknown } | undefined)?.error;
        if (code === "JWT_SESSION_ERROR" && cause instanceof EndedSession) return;
        console.error(`[next-auth][error][${code}]`, metadata);
      },
      warn(code) {
        console.warn(`[next-auth][warn][${code}]`);
      },
      debug() {},
    },
  };
}
