// The debug build, as `./scripts/serve.sh` (`trunk serve`) makes it: the README's first
// command. It runs the same post-build steps as a release build (the route split, the
// content split into heads and bodies) with debug settings and no prerendered pages, so a
// step that works only in release would break the command people start with. Browsed as a
// person would: home, a list, an item with its sources, Save and a note, Saved, search.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startSuite, openPage, waitForApp, PHONE } from "./harness.mjs";

const DEBUG_DIST = process.env.DEBUG_DIST_DIR ?? "dist";
let suite;
before(async () => {
  suite = await startSuite({ dist: DEBUG_DIST, base: "/" });
});
after(async () => {
  await suite?.close();
});

test("the debug build that serve.sh starts browses, saves and searches", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  await page.goto(url("/"));
  await waitForApp(page);
  await page.getByRole("heading", { level: 1, name: "e-Gov Companion" }).waitFor();
  await page.getByRole("link", { name: "Case studies" }).first().click();
  await page.getByRole("heading", { level: 1, name: "Case studies" }).waitFor();
  await page.getByRole("link", { name: "Hometax (online tax services)" }).click();
  await page.getByRole("heading", { level: 1, name: "Hometax (online tax services)" }).waitFor();
  await page.getByRole("heading", { level: 2, name: "Sources", exact: true }).waitFor();

  const save = page.getByRole("button", { name: /^Save/ }).first();
  await save.click();
  assert.equal(await save.getAttribute("aria-pressed"), "true");
  await page.getByRole("textbox", { name: "My private note" }).fill("Debug build note");
  await page.getByRole("status").filter({ hasText: "Saved" }).waitFor();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Saved" }).click();
  await page.getByRole("heading", { level: 1, name: "Saved" }).waitFor();
  await page.getByText("Debug build note").waitFor();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Search" }).click();
  await page.getByRole("searchbox", { name: "Search the knowledge base" }).fill("hometax");
  await page.getByRole("link", { name: "Hometax (online tax services)" }).first().waitFor();
  assertClean();
  await context.close();
});
