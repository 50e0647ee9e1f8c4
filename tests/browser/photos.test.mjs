// Photos on notes (issue 17), as a participant uses them on a study visit: a photo of a slide
// attached to an item's note from the gallery, made smaller on the device, captioned,
// reordered, deleted and brought back; still there after a reload, offline, and in another
// tab; refused with a clear message when it is not a picture or the storage is full, losing
// nothing else; in the printable report, in the Word report (read back by an independent
// reader, python-docx), and in a .zip backup restored into a fresh browser profile.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSuite, openPage, waitForApp, waitUntilOfflineReady, PHONE } from "./harness.mjs";

let suite;
before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

const ITEM = "/case-studies/hometax";
const TITLE = "Hometax (online tax services)";

/** A JPEG of `width`×`height` drawn by the browser: a coloured slide with a label. */
async function makeJpeg(page, width, height, label) {
  const base64 = await page.evaluate(
    ([width, height, label]) => {
      const canvas = document.createElement("canvas");
      canvas.width = width;
      canvas.height = height;
      const context = canvas.getContext("2d");
      context.fillStyle = "#0b3d5c";
      context.fillRect(0, 0, width, height);
      context.fillStyle = "#ffd166";
      context.font = `${Math.round(height / 6)}px sans-serif`;
      context.fillText(label, width / 10, height / 2);
      return canvas.toDataURL("image/jpeg", 0.9).split(",")[1];
    },
    [width, height, label],
  );
  return { name: `${label}.jpg`, mimeType: "image/jpeg", buffer: Buffer.from(base64, "base64") };
}

/** Opens the item page and waits until its photo editor is ready. */
async function openItem(page, url) {
  await page.goto(url(ITEM));
  await waitForApp(page);
  // The editor's code has arrived when its buttons work.
  await page.waitForFunction(() => {
    const inputs = [...document.querySelectorAll(".photo-tools input")];
    return inputs.length === 2 && inputs.every((input) => !input.disabled);
  });
}

const gallery = (page) => page.getByLabel("Add photos from the gallery");
const photos = (page) => page.locator(".photos .photo-list img");
const status = (page) => page.locator(".photos p[role=status]");

test("a photo added from the gallery is made smaller, captioned, and still there after a reload and offline", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE, { serviceWorkers: "allow" });
  await openItem(page, url);
  await waitUntilOfflineReady(page);
  await gallery(page).setInputFiles(await makeJpeg(page, 2400, 1200, "Slide 3"));
  await status(page).filter({ hasText: "Photo added." }).waitFor();
  // Made smaller on the device: the longer side is 1600 pixels, the shape kept.
  const size = await photos(page).first().evaluate(async (img) => {
    await img.decode();
    return [img.naturalWidth, img.naturalHeight];
  });
  assert.deepEqual(size, [1600, 800]);
  // A caption, saved when the field is left, right away.
  const caption = page.getByLabel("Caption of photo 1");
  await caption.fill("Slide 3: Hometax filing by year");
  await caption.press("Tab");
  await status(page).filter({ hasText: "Caption saved." }).waitFor();
  await page.reload();
  await waitForApp(page);
  await photos(page).first().waitFor();
  assert.equal(await page.getByLabel("Caption of photo 1").inputValue(), "Slide 3: Hometax filing by year");
  // Offline, on the bus: the page, the editor's code and the photo all come from the device.
  await context.setOffline(true);
  await page.reload();
  await waitForApp(page);
  await photos(page).first().waitFor();
  assert.equal(await photos(page).first().getAttribute("alt"), "Slide 3: Hometax filing by year");
  assert.ok(await photos(page).first().evaluate((img) => img.decode().then(() => img.naturalWidth > 0)));
  // Adding works offline too.
  await gallery(page).setInputFiles(await makeJpeg(page, 800, 600, "Offline"));
  await status(page).filter({ hasText: "Photo added." }).waitFor();
  assert.equal(await photos(page).count(), 2);
  assertClean();
  await context.close();
});

test("a photo chosen just before leaving the page is still saved, and there on coming back", async () => {
  const { page, url, context, assertClean } = await openPage(suite);
  await openItem(page, url);
  // A large phone photo takes a moment to make smaller (longer on a slow phone: the
  // processor is slowed 6×, so that it is still being added when the person comes back);
  // the person leaves at once.
  const photo = await makeJpeg(page, 6000, 4500, "Leaving");
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 6 });
  await gallery(page).setInputFiles(photo);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Saved" }).click();
  await page.getByRole("heading", { level: 1, name: "Saved" }).waitFor();
  await page.goBack();
  await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
  await photos(page).first().waitFor({ timeout: 10_000 });
  assert.equal(await photos(page).count(), 1);
  assertClean();
  await context.close();
});

test("the photo editor arrives under the note without moving anything on the page", async () => {
  const { page, url, context, assertClean } = await openPage(suite);
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => window.__shifts.push(...list.getEntries().map((e) => e.value))).observe({
      type: "layout-shift",
      buffered: true,
    });
  });
  // Its code is held back, so the page is surely drawn first, then the editor arrives.
  let release;
  const held = new Promise((done) => (release = done));
  await page.route(/split_photo_editor/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(url(ITEM));
  await waitForApp(page);
  await page.getByRole("heading", { level: 2, name: "Photos" }).waitFor();
  const before = await page.locator(".photos").boundingBox();
  const below = await page.locator(".photos ~ *").first().boundingBox();
  release();
  await page.waitForFunction(() => [...document.querySelectorAll(".photo-tools input")].every((i) => !i.disabled));
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  assert.deepEqual(await page.locator(".photos").boundingBox(), before);
  assert.deepEqual(await page.locator(".photos ~ *").first().boundingBox(), below);
  assert.deepEqual(await page.evaluate(() => window.__shifts), []);
  assertClean();
  await context.close();
});

test("photos move, and a deleted photo comes back with Undo", async () => {
  const { page, url, context, assertClean } = await openPage(suite);
  await openItem(page, url);
  await gallery(page).setInputFiles([await makeJpeg(page, 640, 480, "First"), await makeJpeg(page, 640, 480, "Second")]);
  await status(page).filter({ hasText: "2 photos added." }).waitFor();
  await page.getByLabel("Caption of photo 1").fill("First");
  await page.getByLabel("Caption of photo 1").press("Tab");
  await status(page).filter({ hasText: "Caption saved." }).waitFor();
  await page.getByLabel("Caption of photo 2").fill("Second");
  await page.getByLabel("Caption of photo 2").press("Tab");
  await page.waitForFunction(() => document.querySelectorAll(".photo-list img[alt=Second]").length === 1);
  // Tap to see it large: the photo takes the whole width, and a second tap shrinks it.
  const view = page.getByRole("button", { name: "Photo 1: view large" });
  const small = (await photos(page).first().boundingBox()).width;
  await view.click();
  assert.equal(await view.getAttribute("aria-pressed"), "true");
  assert.ok((await photos(page).first().boundingBox()).width > small * 1.5, "shown large");
  await view.click();
  assert.equal(await view.getAttribute("aria-pressed"), "false");
  await page.getByRole("button", { name: "Move photo 2 earlier" }).click();
  await status(page).filter({ hasText: "Moved earlier." }).waitFor();
  const alts = () => photos(page).evaluateAll((imgs) => imgs.map((img) => img.alt));
  assert.deepEqual(await alts(), ["Second", "First"]);
  await page.getByRole("button", { name: "Delete photo 1" }).click();
  await page.getByText("Photo deleted.").waitFor();
  assert.deepEqual(await alts(), ["First"]);
  await page.getByRole("button", { name: "Undo" }).click();
  await status(page).filter({ hasText: "Photo restored." }).waitFor();
  assert.deepEqual(await alts(), ["Second", "First"]);
  // The order and the restored photo are stored, not only shown.
  await page.reload();
  await waitForApp(page);
  await photos(page).nth(1).waitFor();
  assert.deepEqual(await alts(), ["Second", "First"]);
  assertClean();
  await context.close();
});

// The store reads the photos back in its own key order (by their hashes), not in the
// person's: two different orders, each checked after a reload, cannot both match it by luck.
test("the order of a note's photos is kept after a reload, and the report shows them in that order", async () => {
  const { page, url, context, assertClean } = await openPage(suite);
  await openItem(page, url);
  await page.getByRole("textbox", { name: "My private note" }).fill("Four slides.");
  await page.getByRole("textbox", { name: "My private note" }).press("Tab");
  // Told apart by their widths.
  const widths = [640, 650, 660, 670];
  const files = [];
  for (const [n, width] of widths.entries()) files.push(await makeJpeg(page, width, 480, `Slide ${n + 1}`));
  await gallery(page).setInputFiles(files);
  await status(page).filter({ hasText: "4 photos added." }).waitFor();
  const shown = async (where = page.locator(".photos .photo-list img")) => {
    await where.nth(3).waitFor();
    return where.evaluateAll((imgs) => Promise.all(imgs.map((img) => img.decode().then(() => img.naturalWidth))));
  };
  assert.deepEqual(await shown(), widths);
  await page.reload();
  await waitForApp(page);
  assert.deepEqual(await shown(), widths, "the order they were added in");
  // Each move's message differs from the last, so each wait is for that move's save.
  for (const [move, saved] of [
    ["Move photo 4 earlier", "Moved earlier."],
    ["Move photo 1 later", "Moved later."],
    ["Move photo 3 earlier", "Moved earlier."],
  ]) {
    await page.getByRole("button", { name: move }).click();
    await status(page).filter({ hasText: saved }).waitFor();
  }
  const chosen = [650, 670, 640, 660];
  assert.deepEqual(await shown(), chosen);
  await page.reload();
  await waitForApp(page);
  assert.deepEqual(await shown(), chosen, "the order chosen");
  await page.goto(url("/report"));
  await waitForApp(page);
  assert.deepEqual(await shown(page.locator("figure.report-photo img")), chosen, "the report's order");
  assertClean();
  await context.close();
});

// The list of photos is drawn again whenever the album changes; a caption is saved when its
// field is left. Typing in between must not be put back to the stored caption.
test("a caption being typed is kept when another photo arrives, and saved when the field is left", async () => {
  const { page, url, context, assertClean } = await openPage(suite);
  await openItem(page, url);
  await gallery(page).setInputFiles(await makeJpeg(page, 640, 480, "First"));
  await status(page).filter({ hasText: "Photo added." }).waitFor();
  const caption = page.getByLabel("Caption of photo 1");
  await caption.pressSequentially("Hometax filing");
  const second = await makeJpeg(page, 650, 480, "Second");
  await caption.focus();
  await gallery(page).setInputFiles(second);
  await page.getByLabel("Caption of photo 2").waitFor();
  assert.equal(await caption.inputValue(), "Hometax filing", "the typing is still there");
  await caption.pressSequentially(" screen");
  await caption.press("Tab");
  await status(page).filter({ hasText: "Caption saved." }).waitFor();
  await page.reload();
  await waitForApp(page);
  await page.getByLabel("Caption of photo 2").waitFor();
  assert.equal(await page.getByLabel("Caption of photo 1").inputValue(), "Hometax filing screen");
  assertClean();
  await context.close();
});

test("another tab sees a photo added and removed, with no reload", async () => {
  const { page, url, context, assertClean } = await openPage(suite);
  await openItem(page, url);
  const other = await context.newPage();
  await openItem(other, url);
  await gallery(page).setInputFiles(await makeJpeg(page, 640, 480, "Shared"));
  await photos(other).first().waitFor();
  await page.getByRole("button", { name: "Delete photo 1" }).click();
  await page.getByText("Photo deleted.").waitFor();
  await photos(other).first().waitFor({ state: "detached" });
  assertClean();
  await context.close();
});

test("a file that is not a picture, and a full storage, are refused saying why; nothing else is lost", async () => {
  const { page, url, context, assertClean } = await openPage(suite);
  await openItem(page, url);
  await page.getByRole("textbox", { name: "My private note" }).fill("Ask about the e-invoice rollout.");
  await page.getByRole("textbox", { name: "My private note" }).press("Tab");
  await gallery(page).setInputFiles(await makeJpeg(page, 640, 480, "Kept"));
  await status(page).filter({ hasText: "Photo added." }).waitFor();
  await gallery(page).setInputFiles({ name: "agenda.txt", mimeType: "text/plain", buffer: Buffer.from("not a photo") });
  await status(page).filter({ hasText: "“agenda.txt” was not added: it is not a picture." }).waitFor();
  await gallery(page).setInputFiles({ name: "broken.jpg", mimeType: "image/jpeg", buffer: Buffer.from("not really a jpeg") });
  await status(page).filter({ hasText: "“broken.jpg” was not added: the browser could not open it" }).waitFor();
  // The device's storage is full: the browser refuses to store the photo's bytes.
  await page.evaluate(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) {
      if (this.name === "jpegs") throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      return put.apply(this, args);
    };
  });
  await gallery(page).setInputFiles(await makeJpeg(page, 640, 480, "Too much"));
  await status(page)
    .filter({ hasText: "“Too much.jpg” was not saved: the browser's storage for this site is full. Your other photos and notes are kept." })
    .waitFor();
  assert.equal(await photos(page).count(), 1);
  await page.reload();
  await waitForApp(page);
  await photos(page).first().waitFor();
  assert.equal(await photos(page).count(), 1);
  assert.equal(await page.getByRole("textbox", { name: "My private note" }).inputValue(), "Ask about the e-invoice rollout.");
  assertClean();
  await context.close();
});

/** Adds a note and a captioned photo to the item, the way a person would. */
async function noteWithPhoto(page, url) {
  await openItem(page, url);
  await page.getByRole("textbox", { name: "My private note" }).fill("Filing went online in 2002; ask about the mobile app.");
  await page.getByRole("textbox", { name: "My private note" }).press("Tab");
  await gallery(page).setInputFiles(await makeJpeg(page, 1200, 900, "Hometax slide"));
  await status(page).filter({ hasText: "Photo added." }).waitFor();
  await page.getByLabel("Caption of photo 1").fill("Hometax slide: filings by channel");
  await page.getByLabel("Caption of photo 1").press("Tab");
  await status(page).filter({ hasText: "Caption saved." }).waitFor();
}

test("the printable report, the Markdown report and the Saved page show the photos", async () => {
  const { page, url, context, assertClean } = await openPage(suite);
  await noteWithPhoto(page, url);
  await page.goto(url("/saved"));
  await waitForApp(page);
  await page.getByText(/^1 photo on this device uses \d+\.\d MB\./).waitFor();
  // The Markdown report lists the photo by its caption (the picture is in the Word report).
  const [markdown] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download trip report (Markdown)" }).click(),
  ]);
  const text = readFileSync(await markdown.path(), "utf8");
  assert.match(text, /\*\*Hometax \(online tax services\)\*\*[\s\S]*  - Photos: 1 \(the pictures are in the Word report and the \.zip backup\)\n    - Hometax slide: filings by channel\n/);
  await page.goto(url("/report"));
  await waitForApp(page);
  const figure = page.locator("figure.report-photo");
  await figure.waitFor();
  assert.equal(await figure.locator("figcaption").innerText(), "Hometax slide: filings by channel");
  assert.ok(await figure.locator("img").evaluate((img) => img.decode().then(() => img.naturalWidth === 1200)));
  assertClean();
  await context.close();
});

test("the Word trip report opens in an independent reader with the title, note, caption and photo", async () => {
  const { page, url, context, assertClean } = await openPage(suite);
  await noteWithPhoto(page, url);
  await page.goto(url("/saved"));
  await waitForApp(page);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download trip report (Word)" }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^trip-report-\d{4}-\d{2}-\d{2}\.docx$/);
  const path = await download.path();
  // python-docx (Debian's python3-docx, installed by scripts/setup.sh) reads it as Word would.
  const read = JSON.parse(
    execFileSync("/usr/bin/python3", [
      "-c",
      [
        "import docx, json, sys",
        "d = docx.Document(sys.argv[1])",
        "print(json.dumps({",
        "  'paragraphs': [[p.style.name, p.text] for p in d.paragraphs],",
        "  'pictures': len(d.inline_shapes),",
        "  'images': [r.target_part.content_type for r in d.part.rels.values() if 'image' in r.reltype],",
        "  'links': [r.target_ref for r in d.part.rels.values() if r.is_external],",
        "  'page': [d.sections[0].page_width, d.sections[0].page_height],",
        "}))",
      ].join("\n"),
      path,
    ]),
  );
  const texts = read.paragraphs.map(([, text]) => text);
  assert.ok(texts.includes("Trip report: Korea–BSEC ICT Cooperation Program"), texts.join("\n"));
  const heading = read.paragraphs.find(([, text]) => text.startsWith(TITLE));
  assert.ok(heading && /^Heading \d$/.test(heading[0]), `the item is a heading: ${JSON.stringify(heading)}`);
  assert.ok(texts.includes("Filing went online in 2002; ask about the mobile app."), texts.join("\n"));
  const caption = read.paragraphs.find(([, text]) => text === "Hometax slide: filings by channel");
  assert.ok(caption, "the caption is in the document");
  assert.equal(caption[0], "Caption");
  assert.equal(read.pictures, 1);
  assert.deepEqual(read.images, ["image/jpeg"]);
  assert.ok(read.links.some((link) => link.startsWith("https://")), "sources are links");
  assert.deepEqual(read.page, [7560310, 10692130], "A4");
  // The photo sits under its item: after the heading, before the next heading.
  const at = (find) => read.paragraphs.findIndex(find);
  assert.ok(at(([, t]) => t === caption[1]) > at(([, t]) => t === heading[1]));
  assertClean();
  await context.close();
});

test("a .zip backup carries the photos into a fresh browser profile, and merging twice adds nothing twice", async () => {
  const first = await openPage(suite);
  await noteWithPhoto(first.page, first.url);
  await first.page.goto(first.url("/saved"));
  await waitForApp(first.page);
  const [download] = await Promise.all([
    first.page.waitForEvent("download"),
    first.page.getByRole("button", { name: "Download a backup with photos (.zip)" }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^egov-companion-backup-\d{4}-\d{2}-\d{2}\.zip$/);
  // Kept outside the first profile, which is about to be closed with its downloads.
  const zip = join(mkdtempSync(join(tmpdir(), "egov-zip-")), download.suggestedFilename());
  await download.saveAs(zip);
  first.assertClean();
  await first.context.close();

  const fresh = await openPage(suite);
  const { page, url } = fresh;
  await page.goto(url("/saved"));
  await waitForApp(page);
  const importFile = page.getByLabel("Choose a backup file (.json or .zip)");
  await importFile.setInputFiles(zip);
  await page.getByText(/holds 0 bookmarks, 1 note and 0 attended marks, and 1 photo \(1 new\)/).waitFor();
  await page.getByRole("button", { name: "Merge into my library" }).click();
  await page.getByText(/Merged: .* 1 photo added\./).waitFor();
  await page.goto(url(ITEM));
  await waitForApp(page);
  await photos(page).first().waitFor();
  assert.equal(await page.getByLabel("Caption of photo 1").inputValue(), "Hometax slide: filings by channel");
  assert.equal(
    await page.getByRole("textbox", { name: "My private note" }).inputValue(),
    "Filing went online in 2002; ask about the mobile app.",
  );
  // The same backup again: its photo is already here, so nothing is added.
  await page.goto(url("/saved"));
  await waitForApp(page);
  await page.getByLabel("Choose a backup file (.json or .zip)").setInputFiles(zip);
  await page.getByText(/and 1 photo \(0 new\)/).waitFor();
  await page.getByRole("button", { name: "Merge into my library" }).click();
  await page.getByText(/No new photos\./).waitFor();
  await page.goto(url(ITEM));
  await waitForApp(page);
  await photos(page).first().waitFor();
  assert.equal(await photos(page).count(), 1);
  fresh.assertClean();
  await fresh.context.close();
});
