// Registers the service worker and relays its update lifecycle to the app, so that the
// WebAssembly needs no service-worker bindings (they would cost it size):
// - when a newer version is installed and waiting, <html data-update="available"> is set
//   and an "egov:update-available" event fires;
// - the app fires "egov:apply-update" when the person clicks Reload: the waiting worker
//   takes over, and the page reloads once it has.
// - once everything is cached, <html data-offline="ready" data-offline-bytes="…"> is set and
//   "egov:offline-status" fires; the app fires "egov:make-offline" to ask for it again.
// Without service workers (private mode, old browsers) <html data-offline="unavailable"> is
// set and the app works online.
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
  window.addEventListener("load", function () {
    navigator.serviceWorker
      .register(new URL("sw.js", document.baseURI).href)
      .then(function (registration) {
        checkReady();
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
  });
})();
