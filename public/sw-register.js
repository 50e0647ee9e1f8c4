// Registers the service worker and relays its update lifecycle to the app, so that the
// WebAssembly needs no service-worker bindings (they would cost it size):
// - when a newer version is installed and waiting, <html data-update="available"> is set
//   and an "egov:update-available" event fires;
// - the app fires "egov:apply-update" when the person clicks Reload: the waiting worker
//   takes over, and the page reloads once it has.
// Without service workers (private mode, old browsers) nothing happens: the app works online.
(function () {
  if (!("serviceWorker" in navigator)) return;
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
  window.addEventListener("load", function () {
    navigator.serviceWorker
      .register(new URL("sw.js", document.baseURI).href)
      .then(function (registration) {
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
        document.documentElement.setAttribute("data-offline", "unavailable");
        console.warn("Offline use is not available here:", error);
      });
  });
})();
