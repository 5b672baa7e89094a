import { withAuth } from "next-auth/middleware";

// Comfort only: sends signed-out visitors of the staff areas to /login with the page they wanted.
// Real authorization happens in every layout, Server Action and data function.
export default withAuth({
  pages: { signIn: "/login" },
  secret: process.env.AUTH_SECRET,
});

export const config = { matcher: ["/editor/:path*", "/admin/:path*"] };
