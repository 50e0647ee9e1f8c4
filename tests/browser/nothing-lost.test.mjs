// Nothing lost, on real hosts and in real hands. Each scenario here once lost a person's
// notes or locked them out of the app, and each runs against every host profile of
// scripts/static-server.mjs (GitHub Pages, Cloudflare Pages / Netlify, nginx), with the timings of a
// person in a hurry: leave within 50 ms of the last key, hide or close the page at once,
// two tabs on one note, a new deployment while the browser still caches the old one.
import { test, before, after, describe } from "node:test";
import assert from "node:assert/strict";
import {
  startSuite,
  openPage,
  waitForApp,
  makeBuildB,
  waitUntilOfflineReady,
  BUILD_B_MARK,
  DIST,
  PHONE,
} from "./harness.mjs";

const KEY = "egov-companion/library/v1";
const HOMETAX = "/case-studies/hometax";
const CHANGED_ELSEWHERE = "This note was changed in another tab at the same time.";

let buildB;
before(() => {
  buildB = makeBuildB();
});
after(() => buildB?.remove());

const noteBox = (page) => page.getByRole("textbox", { name: "My private note" });
const storedNote = (page, id) =>
  page.evaluate(([key, id]) => JSON.parse(localStorage.getItem(key) ?? "{}").notes?.[id]?.text ?? null, [KEY, id]);

test("if the WebAssembly ever traps, a notice offers Reload, and what was typed is there after it", async () => {
  const suite = await startSuite();
  try {
    const { page, url, context } = await openPage(suite, PHONE);
    await page.addInitScript(() =>
      addEventListener("TrunkApplicationStarted", (event) => {
        window.egovWasm = event.detail.wasm;
      }),
    );
    await page.goto(url(HOMETAX));
    await waitForApp(page);
    await noteBox(page).fill("Typed before the crash");
    await noteBox(page).blur();
    // A real trap inside the app's module, from a task of its own, as a panic would be
    // (panic = "abort"): an allocation with an impossible alignment aborts. wasm-bindgen
    // 0.2.130 exports its allocator as `__wbindgen_export`, older ones as `__wbindgen_malloc`.
    await page.evaluate(() => {
      const malloc = window.egovWasm.__wbindgen_malloc ?? window.egovWasm.__wbindgen_export;
      setTimeout(() => malloc(8, 3));
    });
    const notice = page.getByRole("alert").filter({ hasText: "Something went wrong and the app stopped" });
    await notice.waitFor();
    assert.match(await notice.innerText(), /bookmarks and notes are saved on this device/);
    await Promise.all([page.waitForEvent("load"), notice.getByRole("button", { name: "Reload" }).click()]);
    await waitForApp(page);
    assert.equal(await noteBox(page).inputValue(), "Typed before the crash");
    // Not assertClean(): the trap itself is the uncaught exception this test causes.
    await context.close();
  } finally {
    await suite.close();
  }
});

for (const host of ["github", "cloudflare", "nginx"]) {
  describe(`on a ${host} host`, () => {
    let suite;
    before(async () => {
      suite = await startSuite({ host });
    });
    after(async () => {
      await suite?.close();
    });

    test("a note typed and left for another tab at once is saved whole, and nothing breaks", async () => {
      const { page, url, context, assertClean } = await openPage(suite, PHONE);
      await page.goto(url(HOMETAX));
      await waitForApp(page);
      await noteBox(page).pressSequentially("Typed in a hurry, then Saved", { delay: 15 });
      // Within 50 ms of the last key, as a thumb does.
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Saved" }).click({ delay: 0 });
      await page.getByRole("heading", { level: 1, name: "Saved" }).waitFor();
      await page.getByText("Typed in a hurry, then Saved").waitFor();
      // The app still responds: back to the item, where the note is.
      await page.goBack();
      await page.getByRole("heading", { level: 1, name: "Hometax (online tax services)" }).waitFor();
      assert.equal(await noteBox(page).inputValue(), "Typed in a hurry, then Saved");
      await page.reload();
      await waitForApp(page);
      assert.equal(await noteBox(page).inputValue(), "Typed in a hurry, then Saved");
      assertClean();
      await context.close();
    });

    test("a note typed just before the phone locks or the tab closes is already stored", async () => {
      const { page, url, context, assertClean } = await openPage(suite, PHONE);
      await page.goto(url(HOMETAX));
      await waitForApp(page);
      await noteBox(page).pressSequentially("Before the lock", { delay: 15 });
      // The page is hidden (phone locked, app switched): no timer may run after this.
      const storedAtOnce = await page.evaluate(([key]) => {
        Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
        document.dispatchEvent(new Event("visibilitychange", { bubbles: true }));
        return JSON.parse(localStorage.getItem(key) ?? "{}").notes?.hometax?.text ?? null;
      }, [KEY]);
      assert.equal(storedAtOnce, "Before the lock");
      assertClean();

      const second = await context.newPage();
      await second.goto(url(HOMETAX));
      await waitForApp(second);
      await noteBox(second).fill("");
      await noteBox(second).pressSequentially("Then the tab was closed", { delay: 15 });
      await second.close();
      const third = await context.newPage();
      await third.goto(url(HOMETAX));
      await waitForApp(third);
      assert.equal(await noteBox(third).inputValue(), "Then the tab was closed");
      await context.close();
    });

    test("two tabs on one note: each shows the other's change, and typing in both keeps both", async () => {
      const { page: a, url, context, assertClean } = await openPage(suite, PHONE);
      const b = await context.newPage();
      await a.goto(url(HOMETAX));
      await b.goto(url(HOMETAX));
      await waitForApp(a);
      await waitForApp(b);
      await noteBox(a).fill("Written in tab A");
      await a.getByRole("status").filter({ hasText: "Saved" }).waitFor();
      // B is not being edited: it shows A's note as it happens, with no reload.
      await b.waitForFunction(() => document.querySelector("#note-text")?.value === "Written in tab A");

      // Both edit at once (two windows side by side): A's edit is saved first, while B has
      // typed but not yet saved; neither text replaces the other.
      await noteBox(a).fill("A's version");
      await noteBox(b).fill("B's version");
      await noteBox(a).blur();
      await b.waitForFunction(([key]) => localStorage.getItem(key).includes("A's version"), [KEY]);
      await noteBox(b).blur();
      await a.waitForFunction(
        ([key]) => {
          const text = JSON.parse(localStorage.getItem(key) ?? "{}").notes?.hometax?.text ?? "";
          return text.includes("A's version") && text.includes("B's version");
        },
        [KEY],
      );
      await b.getByText(CHANGED_ELSEWHERE).waitFor();
      assert.equal(await a.getByText(CHANGED_ELSEWHERE).count(), 0, "only the tab that saved second says so");
      // Both tabs end up showing both versions.
      for (const tab of [a, b]) {
        await tab.waitForFunction(() => {
          const value = document.querySelector("#note-text")?.value ?? "";
          return value.includes("A's version") && value.includes("B's version");
        });
      }

      // Bookmarks in two tabs at once: neither undoes the other.
      await b.goto(url("/glossary/koneps-term"));
      await waitForApp(b);
      await Promise.all([
        a.getByRole("button", { name: "Save Hometax (online tax services)" }).click(),
        b.getByRole("button", { name: "Save KONEPS" }).first().click(),
      ]);
      await a.waitForFunction(([key]) => JSON.parse(localStorage.getItem(key)).bookmarks.length === 2, [KEY]);
      const stored = JSON.parse(await a.evaluate((key) => localStorage.getItem(key), KEY));
      assert.deepEqual(stored.bookmarks.map((x) => x.id).sort(), ["hometax", "koneps-term"]);
      assert.ok(await storedNote(a, "hometax"));
      assertClean();
      await context.close();
    });

    test("once the worker is installed, the app opens online and offline, and files stay files", async () => {
      // Opening a JSON file as a page makes the browser ask for /favicon.ico, which no host has.
      const { page, url, context, assertClean } = await openPage(suite, PHONE, {
        serviceWorkers: "allow",
        expectFailures: ["/favicon.ico"],
      });
      await page.goto(url("/"));
      await waitForApp(page);
      await waitUntilOfflineReady(page);
      // A returning visitor, online: the worker answers with a plain (not redirected) copy.
      await page.goto(url("/countries/georgia"));
      await waitForApp(page);
      await page.getByRole("heading", { level: 1, name: "Georgia" }).waitFor();
      await page.reload();
      await waitForApp(page);
      await page.getByRole("heading", { level: 1, name: "Georgia" }).waitFor();
      // A file under the app is fetched as it is, never answered with the app.
      const schema = await page.goto(url("/content/schema.json"));
      assert.equal(schema.fromServiceWorker(), false);
      assert.match(await schema.text(), /"\$schema"|"properties"/);
      // Offline, deep links open.
      await context.setOffline(true);
      for (const [path, title] of [
        ["/", "e-Gov Companion"],
        [HOMETAX, "Hometax (online tax services)"],
        ["/search?q=koneps", null],
      ]) {
        const response = await page.goto(url(path));
        assert.ok(response.fromServiceWorker(), `${path} answered by the worker`);
        await waitForApp(page);
        if (title) await page.getByRole("heading", { level: 1, name: title }).waitFor();
      }
      await page.locator("#search-results a").first().waitFor();
      await context.setOffline(false);
      assertClean();
      await context.close();
    });

    test("a tab left open learns of a new deployment within the hour, with no reload", async () => {
      const { page, url, context, assertClean } = await openPage(suite, PHONE, { serviceWorkers: "allow" });
      try {
        await page.clock.install();
        await page.goto(url("/countries/romania"));
        await waitForApp(page);
        await waitUntilOfflineReady(page);
        suite.server.setRoot(buildB.dir);
        // An hour passes with the tab open (the browser itself checks only on navigations).
        await page.clock.fastForward("01:00:01");
        await page
          .getByRole("status")
          .filter({ hasText: "A newer version is available" })
          .waitFor();
      } finally {
        suite.server.setRoot(DIST);
      }
      assertClean();
      await context.close();
    });

    test("a new deployment caches its own files, not the browser's copies of the old ones", async () => {
      const { page, url, context, assertClean } = await openPage(suite, PHONE, { serviceWorkers: "allow" });
      try {
        await page.goto(url("/countries/romania"));
        await waitForApp(page);
        await page.getByRole("heading", { level: 1, name: "Romania" }).waitFor();
        await waitUntilOfflineReady(page);

        suite.server.setRoot(buildB.dir);
        await page.reload();
        await waitForApp(page);
        const banner = page.getByRole("status").filter({ hasText: "A newer version is available" });
        await banner.waitFor();
        // Nothing changes until the person chooses.
        await page.getByRole("heading", { level: 1, name: "Romania", exact: true }).waitFor();
        await Promise.all([page.waitForEvent("load"), banner.getByRole("button", { name: "Reload" }).click()]);
        await waitForApp(page);
        await page.getByRole("heading", { level: 1, name: "Romania (build B)" }).waitFor();
        const shell = await page.evaluate(async () => {
          const names = (await caches.keys()).filter((k) => k.startsWith("egov-companion-"));
          const cache = await caches.open(names[0]);
          const response = await cache.match(new URL("./", document.baseURI).href);
          return { names, html: await response.text() };
        });
        assert.equal(shell.names.length, 1, `caches: ${shell.names}`);
        assert.ok(shell.html.includes(BUILD_B_MARK), "the cached app shell is build B's index.html");
        await context.setOffline(true);
        await page.goto(url("/about"));
        await waitForApp(page);
        await page.getByText("Content version: 1 January 2099").waitFor();
        await context.setOffline(false);
      } finally {
        suite.server.setRoot(DIST);
      }
      assertClean();
      await context.close();
    });
  });
}
