// A first visit as the first-visit scripts (bench-first-visit, trace-start, profile-start)
// make it: a fresh browser profile (empty cache) at 390×844 with the service worker blocked
// (DevTools' network shaping does not reach its requests, so its precache would fill the
// HTTP cache at full speed and flatter the page), the CPU slowed 4× and the network shaped,
// and "interactive" marked on the page: the first enabled control in <main> once the static
// first screen is gone (the app has taken the page over, so Save, the note box and search
// respond).
import { PHONE } from "./chromium.mjs";

export const CPU_SLOWDOWN = 4;
/** Lighthouse's slow 4G (150 ms, 1.6 Mbit/s down) and DevTools' 3G (300 ms, 750 kbit/s). */
export const NETWORKS = {
  "slow 4G": { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 },
  "3G": { latency: 300, downloadThroughput: (750 * 1024) / 8, uploadThroughput: (250 * 1024) / 8 },
};

/** A new page for one first visit over `network`, with its DevTools session. */
export async function firstVisitPage(browser, network) {
  const context = await browser.newContext({ viewport: PHONE, serviceWorkers: "block" });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, ...network });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  await page.addInitScript(() => {
    const ready = () =>
      !document.getElementById("boot") &&
      document.querySelector(
        "main button:not([disabled]), main input:not([disabled]), main textarea:not([disabled]), main select:not([disabled])",
      );
    const check = () => {
      if (window.egovInteractive === undefined && ready()) window.egovInteractive = performance.now();
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
  });
  return { context, page, cdp };
}

/**
 * Waits until the page is interactive (see the file's header), through the DevTools session
 * `cdp` of `firstVisitPage`. Not with Playwright's `waitForFunction`: that first evaluates
 * Playwright's own injected script in the page (about 80 ms of the main thread at 4× CPU,
 * while the page is still being parsed), which delayed the first paint, and so the app's
 * start, by work no real visitor's browser does.
 */
export async function waitForInteractive(cdp, timeoutMs = 120_000) {
  const { result, exceptionDetails } = await cdp.send("Runtime.evaluate", {
    expression: `new Promise((done, failed) => {
      const until = performance.now() + ${timeoutMs};
      const poll = () => {
        if (window.egovInteractive !== undefined) done(window.egovInteractive);
        else if (performance.now() > until) failed(new Error("not interactive in ${timeoutMs} ms"));
        else setTimeout(poll, 50);
      };
      poll();
    })`,
    awaitPromise: true,
    returnByValue: true,
  });
  if (exceptionDetails) throw new Error(`waiting for interactive: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  return result.value;
}
