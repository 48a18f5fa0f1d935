// Registers the service worker; kept out of the WASM bundle so the app
// installs and its offline page works even before hydration.
if ("serviceWorker" in navigator) {
  window.addEventListener("load", function () {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function (err) {
      console.warn("service worker registration failed", err);
    });
  });
}
