// Programme times: shown in Korea Standard Time, with the person's own time zone beside them
// on request, remembered on the device. No source gives session times yet, so the test
// serves content with one day and time added, as an editor would add them.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startSuite, openPage, waitForApp, changeContentFile, PHONE } from "./harness.mjs";

let suite;
before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

/** Serves sessions.json with the Global Forum on 1 November 2017, 09:30–12:00 KST. */
async function withForumTimes(page) {
  await changeContentFile(page, "sessions.json", (text) => {
    const file = JSON.parse(text);
    const forum = file.items.find((item) => item.id === "2017-global-forum");
    // A schedule for the test only: the sources give the forum neither a day nor times.
    forum.day = "2017-11-01";
    forum.start_time = "09:30";
    forum.end_time = "12:00";
    return JSON.stringify(file);
  });
}

const toggle = (page) => page.getByRole("checkbox", { name: /Also show times in my time zone/ });

test("a session's time is in KST, and on request also in the person's zone, remembered", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE, {
    timezoneId: "Europe/Bucharest",
  });
  await withForumTimes(page);
  await page.goto(url("/sessions/2017-global-forum"));
  await waitForApp(page);
  const when = page.locator("dd", { hasText: "1 November 2017" });
  assert.match(await when.innerText(), /09:30 KST to 12:00 KST/);
  assert.equal(await page.locator(".local-time").count(), 0, "off until asked for");
  assert.match(await page.locator(".local-times-toggle").innerText(), /Europe\/Bucharest/);
  await toggle(page).check();
  // Romania left summer time on 29 October 2017: KST − 7 hours.
  assert.match(await when.innerText(), /09:30 KST \(02:30 EET\) to 12:00 KST \(05:00 EET\)/);
  await page.reload();
  await waitForApp(page);
  assert.ok(await toggle(page).isChecked(), "the choice is remembered");
  assert.match(await when.innerText(), /\(02:30 EET\)/);
  // The edition's programme shows the same.
  await page.goto(url("/editions/edition-2017-seoul"));
  await waitForApp(page);
  const card = page.locator("li.card", { hasText: "Global Forum on e-Government. Present and Future" });
  assert.match(await card.innerText(), /09:30 KST \(02:30 EET\)/);
  await toggle(page).uncheck();
  assert.doesNotMatch(await card.innerText(), /EET/);
  assertClean();
  await context.close();
});

test("a time that falls on another day in the person's zone names the day", async () => {
  const { page, url, context, assertClean } = await openPage(suite, PHONE, {
    timezoneId: "America/New_York",
  });
  await withForumTimes(page);
  await page.goto(url("/sessions/2017-global-forum"));
  await waitForApp(page);
  await toggle(page).check();
  // Wednesday 09:30 in Seoul is Tuesday evening in New York (summer time until 5 November).
  assert.match(await page.locator(".local-time").first().innerText(), /Tue 20:30/);
  assertClean();
  await context.close();
});

test("a phone that keeps Korea's time is not offered its own zone, and one whose clock reads the same is not told twice", async () => {
  const seoul = await openPage(suite, PHONE, { timezoneId: "Asia/Seoul" });
  await withForumTimes(seoul.page);
  await seoul.page.goto(seoul.url("/sessions/2017-global-forum"));
  await waitForApp(seoul.page);
  assert.match(await seoul.page.locator("dd", { hasText: "1 November 2017" }).innerText(), /09:30 KST to 12:00 KST$/);
  assert.equal(await toggle(seoul.page).count(), 0, "nothing to convert to in Seoul");
  seoul.assertClean();
  await seoul.context.close();

  const tokyo = await openPage(suite, PHONE, { timezoneId: "Asia/Tokyo" });
  await withForumTimes(tokyo.page);
  await tokyo.page.goto(tokyo.url("/sessions/2017-global-forum"));
  await waitForApp(tokyo.page);
  await toggle(tokyo.page).check();
  // Tokyo's clock reads as Seoul's: no "(09:30 GMT+9)" after "09:30 KST".
  assert.match(await tokyo.page.locator("dd", { hasText: "1 November 2017" }).innerText(), /09:30 KST to 12:00 KST$/);
  assert.equal(await tokyo.page.locator(".local-time").count(), 0);
  tokyo.assertClean();
  await tokyo.context.close();
});
