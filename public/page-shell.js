// The page's plain-JavaScript shell, outside the WebAssembly:
// 1. If the WebAssembly ever traps (a panic aborts it), a notice with a Reload button shows
//    instead of a page that silently stops responding. Notes are saved as they are typed,
//    so reloading loses nothing.
// 2. It registers the service worker and relays its update lifecycle to the app, so that
//    the WebAssembly needs no service-worker bindings (they would cost it size):
// - when a newer version is installed and waiting, <html data-update="available"> is set
//   and an "egov:update-available" event fires;
// - the app fires "egov:apply-update" when the person clicks Reload: the waiting worker
//   takes over, and the page reloads once it has.
// - once everything is cached, <html data-offline="ready" data-offline-bytes="…"> is set and
//   "egov:offline-status" fires; the app fires "egov:make-offline" to ask for it again.
// Without service workers (private mode, old browsers) <html data-offline="unavailable"> is
// set and the app works online.
// 3. Back and Forward return to where the person was on a page (a long list, search results
//    after "Show more"). The browser's own restoration cannot: it scrolls as the history
//    entry changes, while the page is still the one being left (the app draws the page it
//    goes back to a moment later). So each page's place, by address, is remembered as the
//    person scrolls, with the link in <main> they left by and where it was on the screen.
//    On Back or Forward, once the page is drawn, that link is brought to the same spot (rows
//    far down are laid out only when seen, so a link finds its place where a scroll position
//    would not), or else the same scroll position; for at most about a second, and not once
//    the person touches, clicks, scrolls or types. Links open pages at their top as before.
(function () {
  function showCrashNotice() {
    if (document.getElementById("crash-notice") || !document.body) return;
    var notice = document.createElement("section");
    notice.id = "crash-notice";
    notice.className = "notice notice-error crash-notice";
    notice.setAttribute("role", "alert");
    var title = document.createElement("h2");
    title.textContent = "Something went wrong and the app stopped";
    var text = document.createElement("p");
    text.textContent = "Your bookmarks and notes are saved on this device. Reload to carry on.";
    var reload = document.createElement("button");
    reload.type = "button";
    reload.className = "button";
    reload.textContent = "Reload";
    reload.addEventListener("click", function () {
      window.location.reload();
    });
    notice.append(title, text, reload);
    document.body.prepend(notice);
    reload.focus();
  }
  function isTrap(error) {
    return typeof WebAssembly === "object" && error instanceof WebAssembly.RuntimeError;
  }
  window.addEventListener("error", function (event) {
    if (isTrap(event.error)) showCrashNotice();
  });
  window.addEventListener("unhandledrejection", function (event) {
    if (isTrap(event.reason)) showCrashNotice();
  });
})();

(function () {
  var html = document.documentElement;
  function status(state, bytes) {
    html.setAttribute("data-offline", state);
    if (bytes !== undefined) html.setAttribute("data-offline-bytes", String(bytes));
    window.dispatchEvent(new CustomEvent("egov:offline-status"));
  }
  if (!("serviceWorker" in navigator)) {
    status("unavailable");
    return;
  }
  function checkReady() {
    navigator.serviceWorker.ready.then(function (registration) {
      var channel = new MessageChannel();
      channel.port1.onmessage = function (event) {
        status(event.data.complete ? "ready" : "partial", event.data.bytes);
      };
      registration.active.postMessage("status", [channel.port2]);
    });
  }
  window.addEventListener("egov:make-offline", checkReady);
  var waiting = null;
  function announce(worker) {
    waiting = worker;
    document.documentElement.setAttribute("data-update", "available");
    window.dispatchEvent(new CustomEvent("egov:update-available"));
  }
  window.addEventListener("egov:apply-update", function () {
    if (!waiting) return;
    navigator.serviceWorker.addEventListener("controllerchange", function () {
      window.location.reload();
    });
    waiting.postMessage("skip-waiting");
  });
  // A tab left open for days (or an installed app) learns of new versions: the browser
  // checks by itself only on navigations, which a single-page app rarely makes.
  var UPDATE_CHECK_MS = 60 * 60 * 1000;
  function checkForUpdates(registration) {
    var lastCheck = Date.now();
    function check() {
      lastCheck = Date.now();
      registration.update().catch(function () {});
    }
    setInterval(check, UPDATE_CHECK_MS);
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "visible" && Date.now() - lastCheck > UPDATE_CHECK_MS) check();
    });
  }
  // The worker downloads every file of the app for offline use: it starts once the app has
  // taken the page over (the first screen `#boot` is gone), so that on a slow first visit it
  // does not compete with what the page needs to respond. At most 15 s after load.
  function whenAppIsUp(then) {
    var done = false;
    function go() {
      if (done) return;
      done = true;
      setTimeout(then, 0);
    }
    if (!document.getElementById("boot")) return go();
    new MutationObserver(function (_, observer) {
      if (!document.getElementById("boot")) {
        observer.disconnect();
        go();
      }
    }).observe(document.body, { childList: true, subtree: true });
    setTimeout(go, 15000);
  }
  window.addEventListener("load", function () {
    whenAppIsUp(register);
  });
  function register() {
    navigator.serviceWorker
      .register(new URL("sw.js", document.baseURI).href)
      .then(function (registration) {
        // Some embedders (test drivers, privacy tools) block registration this way.
        if (!registration) return status("unavailable");
        checkReady();
        checkForUpdates(registration);
        if (registration.waiting && navigator.serviceWorker.controller) announce(registration.waiting);
        registration.addEventListener("updatefound", function () {
          var installing = registration.installing;
          if (!installing) return;
          installing.addEventListener("statechange", function () {
            if (installing.state === "installed" && navigator.serviceWorker.controller) announce(installing);
          });
        });
      })
      .catch(function (error) {
        status("unavailable");
        console.warn("Offline use is not available here:", error);
      });
  }
})();

(function () {
  var REMEMBERED = 100;
  var FRAMES_TO_WAIT = 60;
  // Address (path and query) -> { y, link: { href, top } or null }, most recent last.
  var places = new Map();
  // Counts returns and the person's own moves: a return goes on while it is the latest.
  var latest = 0;
  function address() {
    return location.pathname + location.search;
  }
  function remember(change) {
    var key = address();
    var place = places.get(key) || { y: 0, link: null };
    places.delete(key);
    change(place);
    places.set(key, place);
    if (places.size > REMEMBERED) places.delete(places.keys().next().value);
  }
  function linkTop(href) {
    var links = document.querySelectorAll("main a[href]");
    for (var i = 0; i < links.length; i++) {
      if (links[i].getAttribute("href") === href) return links[i].getBoundingClientRect().top;
    }
    return null;
  }
  var early = { passive: true, capture: true };
  window.addEventListener(
    "scroll",
    function () {
      remember(function (place) {
        place.y = window.scrollY;
        place.link = null;
      });
    },
    { passive: true },
  );
  // Seen before the router takes the click over, while the address is still this page's.
  window.addEventListener(
    "click",
    function (event) {
      var link = event.target instanceof Element && event.target.closest("main a[href]");
      if (!link) return;
      var left = { href: link.getAttribute("href"), top: link.getBoundingClientRect().top };
      remember(function (place) {
        place.link = left;
      });
    },
    early,
  );
  ["wheel", "touchstart", "pointerdown", "keydown"].forEach(function (name) {
    window.addEventListener(
      name,
      function () {
        latest++;
      },
      early,
    );
  });
  window.addEventListener("popstate", function () {
    // A copy: the page's own scrolling while it is drawn changes what is remembered.
    var kept = places.get(address());
    if (!kept) return;
    var place = { y: kept.y, link: kept.link };
    var self = ++latest;
    var frames = FRAMES_TO_WAIT;
    requestAnimationFrame(function step() {
      if (latest !== self) return;
      var settled;
      if (place.link) {
        var now = linkTop(place.link.href);
        settled = now !== null && Math.abs(now - place.link.top) < 1;
        if (now !== null) window.scrollBy(0, now - place.link.top);
      } else {
        settled = document.documentElement.scrollHeight - window.innerHeight >= place.y - 1;
        if (settled || frames === 0) window.scrollTo(0, place.y);
      }
      if (!settled && frames-- > 0) requestAnimationFrame(step);
    });
  });
})();
