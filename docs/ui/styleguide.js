/*
 * Styleguide helpers (docs only, not shipped).
 *   ?theme=light|dark|auto  force a theme for previews / screenshots
 *   ?nav=open               open the mobile nav panel
 *   ?toast=1                show the network-error toast on load
 * Loaded synchronously in <head> so the theme applies before first paint.
 */
(function () {
  "use strict";
  var params = new URLSearchParams(location.search);
  var theme = params.get("theme");
  if (theme === "light" || theme === "dark" || theme === "auto") {
    document.documentElement.setAttribute("data-theme", theme);
  }

  document.addEventListener("DOMContentLoaded", function () {
    // Highlight the active preview link
    var links = document.querySelectorAll("[data-sg-theme]");
    for (var i = 0; i < links.length; i++) {
      var active = links[i].getAttribute("data-sg-theme") === (theme || "auto");
      if (active) links[i].setAttribute("aria-current", "true");
    }

    if (params.get("nav") === "open") {
      var toggle = document.querySelector("[data-nav-toggle]");
      if (toggle) toggle.click();
    }

    function fakeHtmxError() {
      document.body.dispatchEvent(new CustomEvent("htmx:responseError", { bubbles: true }));
    }
    if (params.get("toast")) fakeHtmxError();

    document.addEventListener("click", function (e) {
      if (e.target.closest("[data-sg-toast]")) fakeHtmxError();
      var loading = e.target.closest("[data-sg-loading]");
      if (loading) {
        loading.classList.add("htmx-request");
        setTimeout(function () { loading.classList.remove("htmx-request"); }, 2000);
      }
    });
  });
})();
