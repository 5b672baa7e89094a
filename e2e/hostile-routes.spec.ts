import { expect, test, type APIRequestContext } from "@playwright/test";
import { BAD_QUERY_VALUES, BAD_SEGMENTS, PUBLIC_QUERY_ROUTES, PUBLIC_SEGMENT_ROUTES, STAFF_QUERY_ROUTES, STAFF_SEGMENT_ROUTES, expand } from "../tests/security/hostile-inputs";
import { DEMO_PASSWORD, signIn } from "./support/auth";

// The hostile route table (tests/security/hostile-inputs.ts) against the production build: every
// public route and every staff page that reads an id or a filter from its address, with every bad
// value. None may answer with a 5xx or the generic error page; unknown ids are 404s.

const GENERIC = "服务器出了点问题";

async function fuzz(request: APIRequestContext, urls: string[]): Promise<string[]> {
  const failures: string[] = [];
  for (const url of urls) {
    const response = await request.get(url, { maxRedirects: 0, failOnStatusCode: false });
    const body = response.status() >= 300 && response.status() < 400 ? "" : await response.text();
    if (response.status() >= 500 || body.includes(GENERIC)) failures.push(`${response.status()} ${url.slice(0, 120)}`);
  }
  // One line per run for the hostile-run figures: requests tried and 5xx answers.
  console.log(`[hostile] ${urls.length} requests, ${failures.length} 5xx or generic errors`);
  return failures;
}

test.describe("hostile input: routes", () => {
  test.describe.configure({ timeout: 600_000 });

  test("no public route answers a bad segment or query value with a 5xx", async ({ request }) => {
    const urls = [...expand(PUBLIC_SEGMENT_ROUTES, BAD_SEGMENTS), ...expand(PUBLIC_QUERY_ROUTES, BAD_QUERY_VALUES)];
    expect(await fuzz(request, urls)).toEqual([]);
  });

  test("no staff page answers a bad id or filter with a 5xx, and an unknown id is a 404", async ({ page }) => {
    await signIn(page, "admin@roundup.local", DEMO_PASSWORD);
    const urls = [...expand(STAFF_SEGMENT_ROUTES, BAD_SEGMENTS), ...expand(STAFF_QUERY_ROUTES, BAD_QUERY_VALUES)];
    expect(await fuzz(page.request, urls)).toEqual([]);
    for (const route of STAFF_SEGMENT_ROUTES) {
      const response = await page.request.get(route.replace(":x", "no-such-id-0000"), { maxRedirects: 0 , failOnStatusCode: false });
      expect(response.status(), route).toBe(404);
    }
  });
});
