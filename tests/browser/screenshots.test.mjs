// Screenshots at 390×844 of the main screens in both themes, written for people to look
// at (tests/browser/output/screenshots/), not compared.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, statSync } from "node:fs";
import { startSuite, openPage, waitForApp, PHONE } from "./harness.mjs";

const OUT = "tests/browser/output/screenshots";
let suite;
before(async () => {
  suite = await startSuite();
  mkdirSync(OUT, { recursive: true });
});
after(async () => {
  await suite?.close();
});

const SCREENS = {
  home: "/",
  programme: "/editions/edition-2017-seoul",
  item: "/case-studies/hometax",
  search: "/search?q=seoul",
  saved: "/saved",
};

for (const scheme of ["light", "dark"]) {
  test(`screenshots of home, programme, an item, search and saved (${scheme})`, async () => {
    const { page, url, context, assertClean } = await openPage(suite, PHONE);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(url("/case-studies/hometax"));
    await waitForApp(page);
    await page.getByRole("button", { name: "Save Hometax (online tax services)" }).first().click();
    for (const [name, path] of Object.entries(SCREENS)) {
      await page.goto(url(path));
      await waitForApp(page);
      await page.getByRole("heading", { level: 1 }).waitFor();
      const file = `${OUT}/${name}-${scheme}.png`;
      await page.screenshot({ path: file });
      assert.ok(statSync(file).size > 5_000, `${file} was written`);
    }
    assertClean();
    await context.close();
  });
}
