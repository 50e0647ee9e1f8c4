// Reflow (WCAG 1.4.10) and text resize (WCAG 1.4.4): every main route at 320 CSS pixels
// wide has no sideways scrolling, and at 390 pixels with text enlarged to 200 % (the root
// font size, which every size in the styles derives from) neither has it, and the bottom tab
// bar's links stay visible and at least 44 × 44 pixels; the same with the browser's own text
// size at 200 %, which also enlarges the browser's controls, at 390 and at 320 pixels. A
// failure names the elements that stick out past the right edge.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startSuite, openPage, waitForApp } from "./harness.mjs";

/** Route, and what shows that its content has rendered. */
const ROUTES = [
  ["/", (page) => page.getByRole("heading", { level: 2, name: "Featured case studies" })],
  ["/editions", (page) => page.locator(".card").first()],
  ["/case-studies", (page) => page.locator(".card").first()],
  ["/case-studies/government24", (page) => page.getByRole("heading", { level: 1, name: /Government24/ })],
  // The rank chart and its table; an edition's facts with long words, and the map.
  ["/case-studies/korea-in-un-e-government-survey", (page) => page.getByRole("table", { name: "The ranks in the chart" })],
  ["/editions/edition-2018-greece-romania", (page) => page.locator(".bsec-map")],
  ["/search?q=seoul", (page) => page.locator(".card").first()],
  ["/saved", (page) => page.getByRole("heading", { level: 2, name: /Case studies/ })],
  ["/about", (page) => page.getByRole("heading", { level: 1, name: "About this app" })],
];

let suite;
before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

/**
 * Sideways overflow of the page: the scroll width against the viewport, and the outermost
 * visible elements whose box reaches past the right edge (or before the left one), outside
 * any element that scrolls or clips on its own.
 */
function overflow() {
  const root = document.scrollingElement;
  const width = root.clientWidth;
  const clips = (el) => {
    const style = getComputedStyle(el);
    return ["auto", "scroll", "hidden", "clip"].includes(style.overflowX);
  };
  const describe = (el) => {
    const classes = el.classList.length ? "." + [...el.classList].join(".") : "";
    const text = (el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
    const rect = el.getBoundingClientRect();
    return `<${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${classes}> "${text}" left ${Math.round(rect.left)} right ${Math.round(rect.right)}`;
  };
  const offenders = [];
  const walk = (el) => {
    for (const child of el.children) {
      const style = getComputedStyle(child);
      if (style.display === "none" || style.visibility === "hidden") continue;
      if (child.classList.contains("visually-hidden") || child.classList.contains("skip-link")) continue;
      const rect = child.getBoundingClientRect();
      if (rect.width > 0 && (rect.right > width + 0.5 || rect.left < -0.5)) {
        offenders.push(describe(child));
        continue; // its children stick out with it
      }
      if (!clips(child)) walk(child);
    }
  };
  walk(document.body);
  return { scrollWidth: root.scrollWidth, clientWidth: width, offenders };
}

/** The tab bar's links: size, and whether each is on screen and not covered. */
function tabLinks() {
  return [...document.querySelectorAll("nav.tab-bar a")].map((a) => {
    const rect = a.getBoundingClientRect();
    const cx = rect.left + rect.width / 2;
    const cy = rect.top + rect.height / 2;
    const onScreen = rect.left >= -0.5 && rect.right <= innerWidth + 0.5 && rect.top >= -0.5 && rect.bottom <= innerHeight + 0.5;
    const hit = onScreen ? document.elementFromPoint(cx, cy) : null;
    // The whole label must fit: text that is wider than its link spills over its neighbours.
    const fits = a.scrollWidth <= Math.ceil(rect.width) + 0.5;
    return {
      name: a.textContent.trim(),
      width: Math.round(rect.width * 10) / 10,
      height: Math.round(rect.height * 10) / 10,
      onScreen,
      uncovered: !!hit && (hit === a || a.contains(hit)),
      fits,
    };
  });
}

async function checkRoutes(viewport, { textScale = 1, browserFontSize = null } = {}) {
  const { page, url, context, assertClean } = await openPage(suite, viewport);
  if (browserFontSize) {
    // The browser's own text size setting (Android's font scale, Chrome's font size), which
    // also sizes the browser's own controls (a file chooser), not only the page's text.
    const cdp = await context.newCDPSession(page);
    await cdp.send("Page.setFontSizes", { fontSizes: { standard: browserFontSize, fixed: Math.round(browserFontSize * 0.8) } });
  }
  // Something saved, so the Saved page has content.
  await page.goto(url("/case-studies/hometax"));
  await waitForApp(page);
  await page.getByRole("button", { name: "Save Hometax (online tax services)" }).first().click();
  const problems = [];
  for (const [route, rendered] of ROUTES) {
    await page.goto(url(route));
    await waitForApp(page);
    await rendered(page).waitFor();
    if (textScale !== 1) {
      // CSSOM, not a style attribute or element: the Content Security Policy allows it.
      await page.evaluate((scale) => {
        document.documentElement.style.fontSize = `${scale * 100}%`;
      }, textScale);
    }
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const found = await page.evaluate(overflow);
    if (found.scrollWidth > found.clientWidth) {
      problems.push(
        `${route}: scrolls sideways (scrollWidth ${found.scrollWidth} > ${found.clientWidth}); sticking out: ${found.offenders.join("; ") || "nothing found"}`,
      );
    } else if (found.offenders.length) {
      problems.push(`${route}: cut off at the edge: ${found.offenders.join("; ")}`);
    }
    if (textScale !== 1 || browserFontSize) {
      for (const link of await page.evaluate(tabLinks)) {
        const bad = [];
        if (link.width < 44 || link.height < 44) bad.push(`${link.width}×${link.height} px`);
        if (!link.onScreen) bad.push("off screen");
        else if (!link.uncovered) bad.push("covered");
        if (!link.fits) bad.push("label wider than the link");
        if (bad.length) problems.push(`${route}: tab "${link.name}": ${bad.join(", ")}`);
      }
    }
  }
  assertClean();
  await context.close();
  return problems;
}

test("at 320 px wide no route scrolls sideways", async () => {
  const problems = await checkRoutes({ width: 320, height: 640 });
  assert.deepEqual(problems, []);
});

test("at 390 px with text at 200 % no route scrolls sideways and the tab bar stays usable", async () => {
  const problems = await checkRoutes({ width: 390, height: 844 }, { textScale: 2 });
  assert.deepEqual(problems, []);
});

test("at 390 px with the browser's text size at 200 % no route scrolls sideways", async () => {
  const problems = await checkRoutes({ width: 390, height: 844 }, { browserFontSize: 32 });
  assert.deepEqual(problems, []);
});

test("at 320 px with the browser's text size at 200 % no route scrolls sideways", async () => {
  const problems = await checkRoutes({ width: 320, height: 640 }, { browserFontSize: 32 });
  assert.deepEqual(problems, []);
});
