// axe-core (pinned in package.json) on every kind of route, in light and dark colour schemes,
// at phone and desktop widths: zero violations, and no console error on the way.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { startSuite, openPage, waitForApp, PHONE, DESKTOP } from "./harness.mjs";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const ROUTES = [
  "/",
  "/about",
  "/search",
  "/search?q=seoul",
  "/saved",
  "/report",
  "/shared?v=20261127&i=000000",
  "/editions",
  "/editions/edition-2017-seoul",
  "/sessions/2017-wrap-up",
  "/presentations/ict-makes-our-e-government-convenient",
  "/site-visits/ncis-nirs",
  "/case-studies/hometax",
  "/organisations/klid",
  "/countries/georgia",
  "/people/sang-baek-chris-kang",
  "/glossary",
  "/no-such-page",
];

let suite;
before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

for (const [label, viewport, colorScheme] of [
  ["phone, light", PHONE, "light"],
  ["phone, dark", PHONE, "dark"],
  ["desktop, light", DESKTOP, "light"],
  ["desktop, dark", DESKTOP, "dark"],
]) {
  test(`every route has no axe-core violations (${label})`, async () => {
    const { page, url, context, assertClean } = await openPage(suite, viewport);
    await page.emulateMedia({ colorScheme });
    const found = [];
    for (const route of ROUTES) {
      await page.goto(url(route));
      await waitForApp(page);
      await page.getByRole("heading", { level: 1 }).waitFor();
      await page.evaluate(AXE_SOURCE);
      const results = await page.evaluate(() =>
        window.axe.run(document, { resultTypes: ["violations"] }),
      );
      assert.ok(results.passes.length > 10, `axe checked ${route}`);
      for (const violation of results.violations) {
        const targets = violation.nodes.map((n) => n.target.join(" ")).slice(0, 3).join("; ");
        found.push(`${route}: ${violation.id} (${violation.impact}) ${violation.help} — ${targets}`);
      }
    }
    assert.deepEqual(found, []);
    assertClean();
    await context.close();
  });
}
