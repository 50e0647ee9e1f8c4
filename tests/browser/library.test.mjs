// My library in the built app, as a person uses it: bookmark, note, attended, reload,
// remove and undo, two tabs in sync, damaged storage kept aside, storage that refuses.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startSuite, openPage, waitForApp, PHONE } from "./harness.mjs";

const KEY = "egov-companion/library/v1";
let suite;
before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

const saveButton = (page, title) => page.getByRole("button", { name: `Save ${title}` }).first();

test("a bookmark and a note survive a reload and show on the Saved page", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  await page.goto(url("/case-studies/hometax"));
  await waitForApp(page);
  const save = saveButton(page, "Hometax (online tax services)");
  assert.equal(await save.getAttribute("aria-pressed"), "false");
  await save.click();
  assert.equal(await save.getAttribute("aria-pressed"), "true");

  const note = page.getByRole("textbox", { name: "My private note" });
  await note.fill("Ask how e-invoicing became mandatory · 전자세금계산서");
  await page.getByRole("status").filter({ hasText: "Saved" }).waitFor();

  await page.reload();
  await waitForApp(page);
  assert.equal(await saveButton(page, "Hometax (online tax services)").getAttribute("aria-pressed"), "true");
  assert.equal(
    await page.getByRole("textbox", { name: "My private note" }).inputValue(),
    "Ask how e-invoicing became mandatory · 전자세금계산서",
  );

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Saved" }).click();
  await page.getByRole("heading", { level: 1, name: "Saved" }).waitFor();
  await page.getByRole("heading", { level: 2, name: "Case studies (1)" }).waitFor();
  await page.getByText("Ask how e-invoicing became mandatory").waitFor();
  assertClean();
  await context.close();
});

test("removing from Saved can be undone", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  await page.goto(url("/sessions/2017-wrap-up"));
  await waitForApp(page);
  await saveButton(page, "Wrap-up meeting at KLID headquarters").click();
  await page.getByRole("checkbox", { name: "I attended this" }).check();
  await page.goto(url("/saved"));
  await waitForApp(page);
  await page.getByRole("heading", { level: 2, name: "Sessions (1)" }).waitFor();
  await page.getByRole("heading", { level: 3, name: "3 November 2017 (1)" }).waitFor();
  await page.getByText("✓ Attended").waitFor();
  await page.getByRole("button", { name: "Remove Wrap-up meeting at KLID headquarters from Saved" }).click();
  // It stays in Saved for its attended mark, and the person is told so.
  await page
    .getByRole("status")
    .filter({
      hasText:
        "Removed the bookmark of “Wrap-up meeting at KLID headquarters”. It stays in Saved because you marked it attended",
    })
    .waitFor();
  await page.getByText("✓ Attended").waitFor();
  // A keyboard or screen-reader user is not sent back to the page's start: focus goes to
  // Undo, then back to the entry's Remove button.
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? document.activeElement?.textContent);
  await page.waitForFunction(() => document.activeElement?.textContent === "Undo");
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "Remove Wrap-up meeting at KLID headquarters from Saved" }).waitFor();
  await page.waitForFunction(() => document.activeElement !== document.body);
  assert.equal(await focused(), "Remove Wrap-up meeting at KLID headquarters from Saved");
  const stored = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), KEY));
  assert.deepEqual(stored.bookmarks.map((b) => b.id), ["2017-wrap-up"]);
  assert.deepEqual(stored.attended, ["2017-wrap-up"]);
  assertClean();
  await context.close();
});

test("two open pages of the app stay in sync", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  const other = await context.newPage();
  await page.goto(url("/countries/romania"));
  await other.goto(url("/saved"));
  await waitForApp(page);
  await waitForApp(other);
  await saveButton(page, "Romania").click();
  await other.getByRole("heading", { level: 2, name: "Countries (1)" }).waitFor();
  await other.getByRole("button", { name: "Remove Romania from Saved" }).click();
  await page.waitForFunction(
    () => document.querySelector('button[aria-label="Save Romania"]')?.getAttribute("aria-pressed") === "false",
  );
  assertClean();
  await context.close();
});

test("a damaged library is kept aside, explained and downloadable; the app keeps working", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  await page.goto(url("/about"));
  await waitForApp(page);
  await page.evaluate((key) => localStorage.setItem(key, '{"format":1,"bookmarks":[{"id":"hom'), KEY);
  await page.reload();
  await waitForApp(page);
  const notice = page.getByRole("region", { name: "Your saved bookmarks and notes could not be read" });
  await notice.waitFor();
  assert.match(await notice.innerText(), /damaged/);
  const kept = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith("egov-companion/library/unreadable-")).map((k) => localStorage.getItem(k)),
  );
  assert.deepEqual(kept, ['{"format":1,"bookmarks":[{"id":"hom']);
  // Starting again with the same damaged value keeps no second copy (the quota is small).
  await page.reload();
  await waitForApp(page);
  await notice.waitFor();
  const copies = await page.evaluate(
    () => Object.keys(localStorage).filter((k) => k.startsWith("egov-companion/library/unreadable-")).length,
  );
  assert.equal(copies, 1);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    notice.getByRole("button", { name: "Download the unreadable data" }).click(),
  ]);
  const path = await download.path();
  const { readFileSync } = await import("node:fs");
  assert.equal(readFileSync(path, "utf8"), '{"format":1,"bookmarks":[{"id":"hom');
  // The app still works, and new bookmarks are saved.
  await page.goto(url("/countries/greece"));
  await waitForApp(page);
  await saveButton(page, "Greece").click();
  const stored = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), KEY));
  assert.deepEqual(stored.bookmarks.map((b) => b.id), ["greece"]);
  assertClean();
  await context.close();
});

test("a library saved by a newer version of the app is never overwritten by this one", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  const newer = '{"format":99,"bookmarks":[{"id":"hometax","saved_at":1}],"albums":[]}';
  await page.goto(url("/about"));
  await waitForApp(page);
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, newer]);
  await page.goto(url("/countries/greece"));
  await waitForApp(page);
  const notice = page.getByRole("region", { name: "A newer version of the app has saved your library" });
  await notice.waitFor();
  await saveButton(page, "Greece").click();
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), KEY), newer);
  assert.equal(await notice.getByRole("button", { name: "Reload" }).count(), 1);
  assertClean();
  await context.close();
});

test("when storage refuses to save, the person is told and the bookmark stays on the page", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  await page.goto(url("/countries/serbia"));
  await waitForApp(page);
  const save = saveButton(page, "Serbia");
  await save.click();
  assert.equal(await save.getAttribute("aria-pressed"), "true");
  const notice = page.getByRole("region", { name: "Your last change is not saved on this device" });
  await notice.waitFor();
  assert.match(await notice.innerText(), /storage for this site is full/);
  assertClean();
  await context.close();
});

// Storage fills up after the page has loaded (photos, another site's data): the note's own
// status, which a screen reader hears, must not say "Saved", and the note is written as soon
// as there is room again.
test("a note typed while storage is full says it is not saved, and is saved once there is room", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  await page.goto(url("/case-studies/hometax"));
  await waitForApp(page);
  await page.evaluate(() => {
    window.realSetItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  const note = page.getByRole("textbox", { name: "My private note" });
  await note.fill("Ask the NTS about e-invoices.");
  await note.press("Tab");
  const status = page.locator("#note-text-status");
  await status.filter({ hasText: "Not saved on this device: the browser's storage for this site is full." }).waitFor();
  assert.notEqual(await status.innerText(), "Saved");
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), KEY), null);
  // Room again: the next save writes the note.
  await page.evaluate(() => {
    Storage.prototype.setItem = window.realSetItem;
  });
  await note.press("End");
  await note.pressSequentially(" And about VAT.");
  await note.press("Tab");
  await status.filter({ hasText: /^Saved$/ }).waitFor();
  const stored = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), KEY));
  assert.equal(stored.notes.hometax.text, "Ask the NTS about e-invoices. And about VAT.");
  assertClean();
  await context.close();
});

test("the backup download holds the library with its format, content version and date", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  await page.goto(url("/glossary"));
  await waitForApp(page);
  await saveButton(page, "KONEPS").click();
  await page.goto(url("/saved"));
  await waitForApp(page);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download a backup", exact: true }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^egov-companion-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const { readFileSync } = await import("node:fs");
  const backup = JSON.parse(readFileSync(await download.path(), "utf8"));
  assert.equal(backup.format, 1);
  assert.match(backup.content_version, /^\d{4}-\d{2}-\d{2}$/);
  assert.match(backup.exported_on, /^\d{4}-\d{2}-\d{2}$/);
  assert.deepEqual(backup.library.bookmarks.map((b) => b.id), ["koneps-term"]);
  assertClean();
  await context.close();
});

test("a saved item that left the content stays, marked no longer available", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  await page.goto(url("/about"));
  await waitForApp(page);
  await page.evaluate((key) => {
    localStorage.setItem(
      key,
      JSON.stringify({
        format: 1,
        bookmarks: [{ id: "a-retired-item", saved_at: 1 }],
        notes: { "a-retired-item": { text: "My note on it", updated_at: 2 } },
        attended: [],
      }),
    );
  }, KEY);
  await page.goto(url("/saved"));
  await waitForApp(page);
  const section = page.getByRole("region", { name: "No longer available (1)" });
  await section.waitFor();
  assert.match(await section.innerText(), /a-retired-item/);
  assert.match(await section.innerText(), /My note on it/);
  assertClean();
  await context.close();
});

test("the trip report and the calendar download with the saved sessions and notes", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  const { readFileSync } = await import("node:fs");
  await page.goto(url("/sessions/2017-wrap-up"));
  await waitForApp(page);
  await saveButton(page, "Wrap-up meeting at KLID headquarters").click();
  await page.getByRole("checkbox", { name: "I attended this" }).check();
  await page.getByRole("textbox", { name: "My private note" }).fill("Follow up with KLID on Saeol.");
  await page.getByRole("status").filter({ hasText: "Saved" }).waitFor();
  await page.goto(url("/sessions/2017-workshop-klid"));
  await waitForApp(page);
  await saveButton(page, "Workshop at KLID headquarters").click();
  await page.goto(url("/saved"));
  await waitForApp(page);

  const [report] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download trip report (Markdown)" }).click(),
  ]);
  assert.match(report.suggestedFilename(), /^trip-report-\d{4}-\d{2}-\d{2}\.md$/);
  const markdown = readFileSync(await report.path(), "utf8");
  assert.match(markdown, /## 2017 programme in Seoul \(7th edition\)/);
  assert.match(markdown, /### Friday 3 November 2017\n\n- \*\*Wrap-up meeting at KLID headquarters\*\* \(Session, attended\)/);
  assert.match(markdown, /> Follow up with KLID on Saeol\./);

  const [calendar] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download calendar (.ics)" }).click(),
  ]);
  const ics = readFileSync(await calendar.path(), "utf8");
  assert.equal(ics.match(/BEGIN:VEVENT/g).length, 1);
  assert.match(ics, /DTSTART;VALUE=DATE:20171103\r\n/);
  await page.getByRole("status").filter({ hasText: "1 saved session has no recorded day" }).waitFor();
  assertClean();
  await context.close();
});

test("importing: a bad file is refused, a good one previews, merges, and replaces after confirming", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  await page.goto(url("/countries/greece"));
  await waitForApp(page);
  await saveButton(page, "Greece").click();
  await page.goto(url("/saved"));
  await waitForApp(page);
  const chooser = page.getByLabel("Choose a backup file (.json or .zip)");
  const status = (text) => page.getByRole("status").filter({ hasText: text });

  await chooser.setInputFiles({ name: "cut.json", mimeType: "application/json", buffer: Buffer.from('{"app":"e-Gov Companion","kind":"library-') });
  await status("This file cannot be imported: the file is cut short").waitFor();
  await chooser.setInputFiles({ name: "page.json", mimeType: "application/json", buffer: Buffer.from("<html><script>alert(1)</script>") });
  await status("not a backup made by this app").waitFor();

  const backup = {
    app: "e-Gov Companion",
    kind: "library-backup",
    format: 1,
    content_version: "2026-11-27",
    exported_at: 1764201600000,
    exported_on: "2025-11-27",
    library: {
      format: 1,
      bookmarks: [{ id: "hometax", saved_at: 1 }, { id: "koneps", saved_at: 2 }],
      notes: { hometax: { text: "From my other phone.", updated_at: 3 } },
      attended: [],
    },
  };
  const file = { name: "backup.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(backup)) };
  await chooser.setInputFiles(file);
  await status("This backup, made on 2025-11-27 with the content of 2026-11-27, holds 2 bookmarks, 1 note and 0 attended marks.").waitFor();
  // Cancel leaves focus on the file input, not the page's start.
  await page.getByRole("button", { name: "Cancel" }).click();
  await status("Import cancelled. Your library is unchanged.").waitFor();
  await page.waitForFunction(() => document.activeElement?.id === "import-file");
  await chooser.setInputFiles(file);
  await page.getByRole("button", { name: "Merge into my library" }).click();
  await status("Merged: 2 bookmarks added, 1 note added or combined.").waitFor();
  await page.getByRole("heading", { level: 2, name: "Countries (1)" }).waitFor();
  await page.getByRole("heading", { level: 2, name: "Case studies (2)" }).waitFor();

  await chooser.setInputFiles({ ...file, buffer: Buffer.from(JSON.stringify({ ...backup, library: { ...backup.library, bookmarks: [{ id: "koneps", saved_at: 2 }], notes: {} } })) });
  await page.getByRole("button", { name: "Replace my library" }).click();
  await status("Replacing removes everything now in your library (3 bookmarks, 1 note)").waitFor();
  await page.waitForFunction(() => document.activeElement?.textContent === "Download a backup first");
  await page.getByRole("button", { name: "Yes, replace my library" }).click();
  await status("Replaced").waitFor();
  await page.waitForFunction(() => document.activeElement?.textContent === "Undo");
  await page.getByRole("heading", { level: 2, name: "Case studies (1)" }).waitFor();
  assert.equal(await page.getByRole("heading", { level: 2, name: "Countries (1)" }).count(), 0);
  assertClean();
  await context.close();
});

test("a reading list shared as a link and QR code opens as a preview to add or ignore", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  await page.goto(url("/case-studies/hometax"));
  await waitForApp(page);
  await saveButton(page, "Hometax (online tax services)").click();
  await page.goto(url("/countries/georgia"));
  await waitForApp(page);
  await saveButton(page, "Georgia").click();
  await page.goto(url("/saved"));
  await waitForApp(page);
  await page.getByRole("button", { name: "Make a share link" }).click();
  const link = await page.getByRole("textbox", { name: "Link to your reading list" }).inputValue();
  assert.match(link, /\/egov\/shared\?v=\d{8}&i=[0-9a-z]{12}$/);
  assert.ok(link.length < 2000);
  await page.getByRole("img", { name: "QR code of the link to your reading list" }).waitFor();
  assertClean();
  await context.close();

  // A colleague opens the link in their own browser.
  const colleague = await openPage(suite, PHONE);
  await colleague.page.goto(link);
  await waitForApp(colleague.page);
  await colleague.page.getByRole("heading", { level: 1, name: "Shared reading list" }).waitFor();
  await colleague.page.getByText("Someone shared 2 items with you.").waitFor();
  await colleague.page.getByRole("link", { name: "Hometax (online tax services)" }).waitFor();
  await colleague.page.getByRole("button", { name: "Add them to my saved items" }).click();
  const added = colleague.page.getByRole("status").filter({ hasText: /Added|already/ });
  await added.waitFor();
  assert.equal(await added.innerText(), "Added 2 items to Saved.", "no others are said to be there already");
  await colleague.page.getByRole("button", { name: "Add them to my saved items" }).click();
  await colleague.page.getByRole("status").filter({ hasText: "They were all in Saved already." }).waitFor();
  await colleague.page.goto(colleague.url("/saved"));
  await waitForApp(colleague.page);
  await colleague.page.getByRole("heading", { level: 2, name: "Countries (1)" }).waitFor();

  // An older link warns that the content changed; a damaged one is refused.
  await colleague.page.goto(link.replace(/v=\d{8}/, "v=20200101"));
  await waitForApp(colleague.page);
  await colleague.page.getByText("The knowledge base has changed since this list was made").waitFor();
  await colleague.page.goto(link.slice(0, -3));
  await waitForApp(colleague.page);
  await colleague.page.getByText("This share link cannot be read: the link is damaged").waitFor();
  colleague.assertClean();
  await colleague.context.close();
});

test("case-study notes offer report prompts that are saved and shown on Saved", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  await page.goto(url("/case-studies/koneps"));
  await waitForApp(page);
  await page.getByText("Prompts for your report home").click();
  const relevance = page.getByRole("textbox", { name: "Relevance to my country" });
  await relevance.fill("Our e-procurement law allows single registration.");
  await page.getByRole("status").filter({ hasText: "Saved" }).waitFor();
  await page.reload();
  await waitForApp(page);
  await page.getByText("Prompts for your report home").click();
  assert.equal(
    await page.getByRole("textbox", { name: "Relevance to my country" }).inputValue(),
    "Our e-procurement law allows single registration.",
  );
  await page.goto(url("/saved"));
  await waitForApp(page);
  await page.getByText("Relevance to my country: Our e-procurement law allows single registration.").waitFor();
  assertClean();
  await context.close();
});

test("the printable trip report lays out on A4 with a page per section and printed links", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  await page.goto(url("/sessions/2017-wrap-up"));
  await waitForApp(page);
  await saveButton(page, "Wrap-up meeting at KLID headquarters").click();
  await page.goto(url("/case-studies/hometax"));
  await waitForApp(page);
  await saveButton(page, "Hometax (online tax services)").click();
  await page.goto(url("/saved"));
  await waitForApp(page);
  await page.getByRole("link", { name: "Printable trip report" }).click();
  await page.getByRole("heading", { level: 1, name: "Trip report: Korea–BSEC ICT Cooperation Program" }).waitFor();
  await page.getByRole("heading", { level: 2, name: "2017 programme in Seoul (7th edition)" }).waitFor();
  await page.getByRole("heading", { level: 3, name: "Friday 3 November 2017" }).waitFor();
  await page.getByRole("heading", { level: 2, name: "Case studies" }).waitFor();
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.getByRole("navigation", { name: "Main" }).isVisible(), false);
  const breaks = await page.$$eval(".report-group", (groups) => groups.map((g) => getComputedStyle(g).breakBefore));
  assert.deepEqual(breaks, ["auto", "page"]);
  const printedLink = await page.$eval(".report-sources a", (a) => getComputedStyle(a, "::after").content);
  assert.match(printedLink, /https?:\/\//);
  const pdf = await page.pdf({ format: "A4" });
  assert.ok((pdf.toString("latin1").match(/\/Type \/Page\b/g) ?? []).length >= 2, "at least two A4 pages");
  assertClean();
  await context.close();
});

test("the first bookmark asks the browser to keep this site's storage", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE);
  await page.addInitScript(() => {
    window.__persistCalls = 0;
    const original = StorageManager.prototype.persist;
    StorageManager.prototype.persist = function () {
      window.__persistCalls += 1;
      return original.call(this);
    };
  });
  await page.goto(url("/countries/albania"));
  await waitForApp(page);
  assert.equal(await page.evaluate(() => window.__persistCalls), 0);
  await saveButton(page, "Albania").click();
  assert.equal(await page.evaluate(() => window.__persistCalls), 1);
  await page.goto(url("/countries/russia"));
  await waitForApp(page);
  await saveButton(page, "Russia").click();
  assert.equal(await page.evaluate(() => window.__persistCalls), 0, "a new page, and not the first bookmark");
  assertClean();
  await context.close();
});
