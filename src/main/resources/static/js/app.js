/*!
 * Guildhall – tiny progressive enhancements. No dependencies, no inline
 * handlers, no eval; safe under a strict CSP. Works with or without htmx.
 *
 *  1. Nav toggle      [data-nav-toggle] toggles .is-open on [data-nav]
 *  2. Theme toggle    [data-theme-toggle] cycles auto -> light -> dark
 *  3. Confirm         form[data-confirm] / button[data-confirm] / a[data-confirm]
 *  4. Auto-submit     select[data-autosubmit] submits its form on change
 *  5. htmx errors     toast on htmx:responseError / htmx:sendError
 *  8. Upload sizes    input[type=file][data-max-file-bytes] checked before sending
 *  +  Dropdowns       closes open <details class="dropdown"> on outside click / Esc
 */
(function () {
  "use strict";

  var doc = document;
  var root = doc.documentElement;

  function closest(el, selector) {
    return el && el.nodeType === 1 && el.closest ? el.closest(selector) : null;
  }

  /* ------------------------------------------------------------------
     1. Navigation toggle
     ------------------------------------------------------------------ */
  function navFor(button) {
    var id = button.getAttribute("aria-controls");
    return (id && doc.getElementById(id)) || doc.querySelector("[data-nav]");
  }

  function setNavOpen(button, open) {
    var nav = navFor(button);
    if (!nav) return;
    nav.classList.toggle("is-open", open);
    button.setAttribute("aria-expanded", open ? "true" : "false");
  }

  function closeAllNavs() {
    var buttons = doc.querySelectorAll("[data-nav-toggle][aria-expanded='true']");
    for (var i = 0; i < buttons.length; i++) setNavOpen(buttons[i], false);
  }

  /* ------------------------------------------------------------------
     2. Theme toggle (auto -> light -> dark -> auto)
     ------------------------------------------------------------------ */
  var THEMES = ["auto", "light", "dark"];

  function currentTheme() {
    var t = root.getAttribute("data-theme");
    return THEMES.indexOf(t) >= 0 ? t : "auto";
  }

  function syncThemeButtons(theme) {
    var buttons = doc.querySelectorAll("[data-theme-toggle]");
    for (var i = 0; i < buttons.length; i++) {
      var label = buttons[i].getAttribute("data-label-" + theme);
      if (label) {
        buttons[i].setAttribute("aria-label", label);
        buttons[i].setAttribute("title", label);
      }
    }
  }

  function setTheme(theme) {
    root.setAttribute("data-theme", theme);
    var cookie = "gh_theme=" + theme + "; path=/; max-age=31536000; SameSite=Lax";
    if (location.protocol === "https:") cookie += "; Secure";
    doc.cookie = cookie;
    syncThemeButtons(theme);
  }

  /* ------------------------------------------------------------------
     5. Toasts (also exposed as window.Guildhall.toast)
     ------------------------------------------------------------------ */
  var toastTimer = null;

  /* Texts come from the page (data-msg-* on <body>), in the page's language. */
  function bodyText(name) {
    return (doc.body && doc.body.getAttribute("data-msg-" + name)) || "";
  }

  function toast(message, kind) {
    var old = doc.querySelectorAll(".toast");
    for (var i = 0; i < old.length; i++) old[i].parentNode.removeChild(old[i]);
    clearTimeout(toastTimer);

    var el = doc.createElement("div");
    el.className = "toast" + (kind ? " toast--" + kind : "");
    el.setAttribute("role", kind === "error" ? "alert" : "status");

    var text = doc.createElement("div");
    text.className = "toast__text";
    text.textContent = message;

    var close = doc.createElement("button");
    close.type = "button";
    close.className = "toast__close";
    var closeLabel = bodyText("close");
    if (closeLabel) close.setAttribute("aria-label", closeLabel);
    close.textContent = "\u00d7";

    el.appendChild(text);
    el.appendChild(close);
    doc.body.appendChild(el);

    function dismiss() {
      clearTimeout(toastTimer);
      el.classList.add("is-leaving");
      setTimeout(function () {
        if (el.parentNode) el.parentNode.removeChild(el);
      }, 220);
    }
    close.addEventListener("click", dismiss);
    toastTimer = setTimeout(dismiss, 5000);
    return el;
  }

  function networkErrorMessage() {
    return bodyText("network-error");
  }

  function onHtmxError() {
    toast(networkErrorMessage(), "error");
  }
  doc.addEventListener("htmx:responseError", onHtmxError);
  doc.addEventListener("htmx:sendError", onHtmxError);
  doc.addEventListener("htmx:timeout", onHtmxError);

  /* ------------------------------------------------------------------
     Delegated click handling
     ------------------------------------------------------------------ */
  doc.addEventListener("click", function (e) {
    var target = e.target;

    var navButton = closest(target, "[data-nav-toggle]");
    if (navButton) {
      setNavOpen(navButton, navButton.getAttribute("aria-expanded") !== "true");
      return;
    }

    var themeButton = closest(target, "[data-theme-toggle]");
    if (themeButton) {
      var next = THEMES[(THEMES.indexOf(currentTheme()) + 1) % THEMES.length];
      setTheme(next);
      return;
    }

    // 3b. Links with data-confirm (e.g. hx-delete anchors)
    var link = closest(target, "a[data-confirm]");
    if (link && !window.confirm(link.getAttribute("data-confirm"))) {
      e.preventDefault();
      e.stopImmediatePropagation();
      return;
    }

    // Close open dropdowns when clicking outside of them
    var openDropdowns = doc.querySelectorAll("details.dropdown[open]");
    for (var i = 0; i < openDropdowns.length; i++) {
      if (!openDropdowns[i].contains(target)) openDropdowns[i].removeAttribute("open");
    }

    // Close the mobile nav when clicking outside of it
    var openNav = doc.querySelector("[data-nav].is-open");
    if (openNav && !openNav.contains(target)) closeAllNavs();
  }, true);

  /* ------------------------------------------------------------------
     3. Confirm before submit. Capture phase, so it runs before htmx's
        own submit listener on the form and can cancel it.
     ------------------------------------------------------------------ */
  doc.addEventListener("submit", function (e) {
    var form = e.target;
    var submitter = e.submitter;
    var message = (submitter && submitter.getAttribute && submitter.getAttribute("data-confirm")) ||
      (form.getAttribute && form.getAttribute("data-confirm"));
    if (message && !window.confirm(message)) {
      e.preventDefault();
      e.stopImmediatePropagation();
    }
  }, true);

  /* ------------------------------------------------------------------
     4. Auto-submit selects
     ------------------------------------------------------------------ */
  doc.addEventListener("change", function (e) {
    var select = closest(e.target, "select[data-autosubmit]");
    if (!select || !select.form) return;
    if (typeof select.form.requestSubmit === "function") {
      select.form.requestSubmit();   // fires submit event (htmx, data-confirm)
    } else {
      select.form.submit();
    }
  });

  /* ------------------------------------------------------------------
     6. Forms that must go once (payments): the second submit is ignored,
        and the buttons are disabled after the browser took the form data.
     ------------------------------------------------------------------ */
  doc.addEventListener("submit", function (e) {
    var form = e.target;
    if (e.defaultPrevented || !form.hasAttribute || !form.hasAttribute("data-once")) return;
    if (form.getAttribute("data-submitted")) {
      e.preventDefault();
      return;
    }
    form.setAttribute("data-submitted", "true");
    setTimeout(function () {
      var buttons = form.querySelectorAll("button");
      for (var i = 0; i < buttons.length; i++) buttons[i].disabled = true;
    }, 0);
  });

  /* ------------------------------------------------------------------
     7. Print buttons, countdowns of limited-time offers, provider forms
     ------------------------------------------------------------------ */
  doc.addEventListener("click", function (e) {
    if (closest(e.target, "[data-print]")) window.print();
  });

  function pad(n) {
    return n < 10 ? "0" + n : "" + n;
  }

  function tickCountdowns() {
    var items = doc.querySelectorAll("[data-countdown]");
    var now = Date.now();
    for (var i = 0; i < items.length; i++) {
      var end = Date.parse(items[i].getAttribute("data-countdown"));
      if (isNaN(end)) continue;
      var left = Math.max(0, Math.floor((end - now) / 1000));
      if (left === 0) {
        items[i].textContent = items[i].getAttribute("data-label-ended") || "";
        continue;
      }
      var days = Math.floor(left / 86400);
      var rest = left % 86400;
      var clock = pad(Math.floor(rest / 3600)) + ":" + pad(Math.floor((rest % 3600) / 60)) + ":" + pad(rest % 60);
      items[i].textContent = (items[i].getAttribute("data-label-left") || "") + " " + (days > 0 ? (bodyText("days") || "{0}d").replace("{0}", days) + " " : "") + clock;
    }
  }

  function startPage() {
    if (doc.querySelector("[data-countdown]")) {
      tickCountdowns();
      setInterval(tickCountdowns, 1000);
    }
    var provider = doc.querySelector("form[data-provider-autosubmit]");
    if (provider) provider.submit();
  }

  if (doc.readyState === "loading") {
    doc.addEventListener("DOMContentLoaded", startPage);
  } else {
    startPage();
  }

  /* ------------------------------------------------------------------
     8. Upload size check: input[type=file][data-max-file-bytes] refuses a
        file over its kind's limit before it is sent (the server checks
        again, by the file's bytes). Per kind (image, audio, video, file):
        data-max-<kind>-bytes and data-max-<kind>-message; the message is
        shown in the element named by data-size-error.
     ------------------------------------------------------------------ */
  function uploadKind(file) {
    var type = (file.type || "").split("/")[0];
    return type === "image" || type === "audio" || type === "video" ? type : "file";
  }

  function checkUploadSize(input) {
    var file = input.files && input.files[0];
    var message = "";
    if (file) {
      var kind = uploadKind(file);
      var max = Number(input.getAttribute("data-max-" + kind + "-bytes"));
      if (max && file.size > max) message = input.getAttribute("data-max-" + kind + "-message") || "";
    }
    var out = doc.getElementById(input.getAttribute("data-size-error") || "");
    if (out) {
      out.textContent = message;
      out.hidden = !message;
    }
    if (message) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
    return !message;
  }

  doc.addEventListener("change", function (e) {
    var input = closest(e.target, "input[type=file][data-max-file-bytes]");
    if (input) checkUploadSize(input);
  });

  doc.addEventListener("submit", function (e) {
    var inputs = e.target.querySelectorAll ? e.target.querySelectorAll("input[type=file][data-max-file-bytes]") : [];
    for (var i = 0; i < inputs.length; i++) {
      if (!checkUploadSize(inputs[i])) {
        e.preventDefault();
        e.stopImmediatePropagation();
        inputs[i].focus();
        return;
      }
    }
  }, true);

  /* ------------------------------------------------------------------
     Keyboard: Escape closes menus
     ------------------------------------------------------------------ */
  doc.addEventListener("keydown", function (e) {
    if (e.key !== "Escape") return;
    var open = doc.querySelectorAll("details.dropdown[open]");
    for (var i = 0; i < open.length; i++) {
      open[i].removeAttribute("open");
      var summary = open[i].querySelector("summary");
      if (summary) summary.focus();
    }
    var navButton = doc.querySelector("[data-nav-toggle][aria-expanded='true']");
    if (navButton) {
      setNavOpen(navButton, false);
      navButton.focus();
    }
  });

  /* ------------------------------------------------------------------
     Init once the DOM is ready
     ------------------------------------------------------------------ */
  function init() {
    syncThemeButtons(currentTheme());
    var navButtons = doc.querySelectorAll("[data-nav-toggle]");
    for (var i = 0; i < navButtons.length; i++) {
      if (!navButtons[i].hasAttribute("aria-expanded")) navButtons[i].setAttribute("aria-expanded", "false");
    }
    // Apply buttons that only exist for no-JS users of auto-submit forms
    var fallbacks = doc.querySelectorAll("[data-autosubmit-fallback]");
    for (var j = 0; j < fallbacks.length; j++) fallbacks[j].hidden = true;
  }

  if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", init);
  else init();

  window.Guildhall = { toast: toast, setTheme: setTheme };
})();
