/*!
 * Guildhall studio – behaviours of the authoring pages. No inline handlers, no eval;
 * everything hangs off data attributes, so it runs under the strict CSP.
 *
 *  1. [data-md-more]     inserts the free-preview marker <!--more--> on its own line
 *  2. [data-md-image]    inserts ![name](url) of the image chosen in [data-md-image-source]
 *     Both fire "md-inserted" on the textarea, which htmx turns into a fresh preview.
 *  3. [data-access]      shows the tier / price fields of the chosen access only
 *  4. form.studio-form   asks before leaving the page with unsaved changes
 */
(function () {
  "use strict";

  var doc = document;

  function insertAtCursor(textarea, text) {
    var start = textarea.selectionStart || 0;
    var end = textarea.selectionEnd || 0;
    var value = textarea.value;
    textarea.value = value.slice(0, start) + text + value.slice(end);
    var caret = start + text.length;
    textarea.focus();
    textarea.setSelectionRange(caret, caret);
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
    textarea.dispatchEvent(new Event("md-inserted", { bubbles: true }));
  }

  /** The text with a line break added where needed so that it stands on its own line. */
  function ownLine(textarea, text) {
    var start = textarea.selectionStart || 0;
    var before = textarea.value.slice(0, start);
    var after = textarea.value.slice(textarea.selectionEnd || 0);
    var lead = before.length === 0 || /\n\n$/.test(before) ? "" : (/\n$/.test(before) ? "\n" : "\n\n");
    var tail = /^\n/.test(after) ? "\n" : "\n\n";
    return lead + text + tail;
  }

  doc.addEventListener("click", function (e) {
    var more = e.target.closest ? e.target.closest("[data-md-more]") : null;
    if (more) {
      var area = doc.getElementById(more.getAttribute("data-md-target"));
      if (area) insertAtCursor(area, ownLine(area, "<!--more-->"));
      return;
    }
    var image = e.target.closest ? e.target.closest("[data-md-image]") : null;
    if (image) {
      var target = doc.getElementById(image.getAttribute("data-md-target"));
      var toolbar = image.closest(".md-toolbar");
      var source = toolbar ? toolbar.querySelector("[data-md-image-source]") : null;
      if (!target || !source || !source.value) return;
      var option = source.options[source.selectedIndex];
      var alt = (option.getAttribute("data-alt") || "").replace(/[\[\]\n]/g, " ");
      insertAtCursor(target, ownLine(target, "![" + alt + "](" + source.value + ")"));
    }
  });

  function syncAccess(fieldset) {
    var checked = fieldset.querySelector("input[name='access']:checked");
    var chosen = checked ? checked.value : "PUBLIC";
    var blocks = fieldset.querySelectorAll("[data-access-for]");
    for (var i = 0; i < blocks.length; i++) {
      blocks[i].hidden = blocks[i].getAttribute("data-access-for") !== chosen;
    }
  }

  doc.addEventListener("change", function (e) {
    var fieldset = e.target.closest ? e.target.closest("[data-access]") : null;
    if (fieldset && e.target.name === "access") syncAccess(fieldset);
  });

  var dirty = false;
  doc.addEventListener("input", function (e) {
    if (e.target.closest && e.target.closest("form.studio-form")) dirty = true;
  });
  doc.addEventListener("submit", function (e) {
    if (e.target.matches && e.target.matches("form.studio-form")) dirty = false;
  });
  window.addEventListener("beforeunload", function (e) {
    if (dirty) {
      e.preventDefault();
      e.returnValue = "";
    }
  });

  function init() {
    var sets = doc.querySelectorAll("[data-access]");
    for (var i = 0; i < sets.length; i++) syncAccess(sets[i]);
  }

  if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", init);
  else init();
})();
