import { expect, test, type Locator, type Page } from "@playwright/test";
import { signIn } from "./editor-helpers";

// Issue 12, item 6: staff tables fit Chinese text. At 1280 px a short cell (status, section, author,
// time) stays on one line instead of one character per line; at 375 px a table scrolls inside its
// own box and the page itself never scrolls sideways.

const TABLES: { path: string; columns: string[] }[] = [
  { path: "/editor/stories", columns: ["状态", "栏目", "作者", "最后修改"] },
  { path: "/editor/roundups", columns: ["年份", "状态", "条目"] },
  { path: "/admin", columns: ["姓名", "角色", "状态", "最近登录"] },
  { path: "/admin/audit", columns: ["时间", "操作"] },
];

/** The cells of the column headed `header` (first rows only: enough to see the layout). */
async function column(table: Locator, header: string): Promise<Locator[]> {
  const headers = (await table.locator("thead th").allTextContents()).map((text) => text.trim());
  const index = headers.indexOf(header);
  expect(index, `column ${header}`).toBeGreaterThanOrEqual(0);
  const cells = table.locator(`tbody tr > :nth-child(${index + 1})`);
  const count = Math.min(await cells.count(), 5);
  expect(count, `rows under ${header}`).toBeGreaterThan(0);
  return Array.from({ length: count }, (_, i) => cells.nth(i));
}

/** How many lines the cell's text takes: its text's height over its line height. */
function lines(cell: Locator): Promise<number> {
  return cell.evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    return range.getBoundingClientRect().height / parseFloat(getComputedStyle(element).lineHeight);
  });
}

async function pageOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

test.describe("staff tables with Chinese text", () => {
  test("short cells stay on one line at 1280 px", async ({ browser }) => {
    const page = await signIn(browser, "admin");
    await page.setViewportSize({ width: 1280, height: 900 });
    for (const { path, columns } of TABLES) {
      await page.goto(path);
      const table = page.getByRole("table").first();
      for (const header of columns) {
        for (const cell of await column(table, header)) {
          expect(await lines(cell), `${path} · ${header} · ${await cell.textContent()}`).toBeLessThan(1.5);
        }
      }
    }
  });

  test("at 375 px tables scroll in their own box and no page scrolls sideways", async ({ browser }) => {
    const page = await signIn(browser, "admin");
    await page.setViewportSize({ width: 375, height: 740 });
    for (const { path, columns } of TABLES) {
      await page.goto(path);
      expect(await pageOverflow(page), path).toBeLessThanOrEqual(0);
      const table = page.getByRole("table").first();
      // Still one line each: the box scrolls instead of the cells squeezing.
      for (const cell of await column(table, columns[0]!)) expect(await lines(cell), `${path} · ${columns[0]}`).toBeLessThan(1.5);
      const box = table.locator("xpath=..");
      const [scrollWidth, clientWidth] = await box.evaluate((element) => [element.scrollWidth, element.clientWidth]);
      expect(await box.evaluate((element) => getComputedStyle(element).overflowX), path).toBe("auto");
      expect(clientWidth, path).toBeLessThanOrEqual(375);
      expect(scrollWidth, path).toBeGreaterThanOrEqual(clientWidth);
    }
    await page.goto("/editor/media");
    expect(await pageOverflow(page), "/editor/media").toBeLessThanOrEqual(0);
    await page.goto("/editor");
    expect(await pageOverflow(page), "/editor").toBeLessThanOrEqual(0);
  });
});
