/*!
 * Guildhall – resume positions and completion for lesson audio and video. No inline code, no
 * dependencies; safe under the strict CSP. Include with <script src="/js/player.js" defer>.
 *
 * Contract, on any <video> or <audio> element:
 *   data-progress="URL"   POST target for the position (form field "seconds", whole seconds)
 *   data-resume="SECONDS" where to start: applied once the metadata is known, unless it is
 *                         within 5 s of the end (then the media starts from the beginning)
 *   data-complete="URL"   optional: POSTed when the media ends (marks the lesson complete)
 *   data-csrf-param="…"   optional: the CSRF form field's name (default "_csrf")
 *
 * The position is sent every 15 s while playing, and on pause, end, seeking while paused, and
 * when the page is hidden or left (navigator.sendBeacon, a form post carrying the CSRF token as a
 * field: it survives the page going away). The CSRF token is read from the layout's
 * <body hx-headers='{"X-CSRF-TOKEN": "…"}'>.
 *
 * After the complete URL answers, an element [data-lesson-complete] on the page is replaced by
 * the answer (the "completed" fragment), an HX-Redirect answer is followed, and the event
 * "guildhall:lesson-completed" is dispatched on the media element.
 */
(function () {
  "use strict";

  var INTERVAL_MS = 15000;
  var END_MARGIN_S = 5;
  var SELECTOR = "video[data-progress], audio[data-progress], video[data-complete], audio[data-complete]";
  var doc = document;

  function csrf() {
    var body = doc.body;
    var headers = {};
    try {
      headers = JSON.parse((body && body.getAttribute("hx-headers")) || "{}") || {};
    } catch (e) {
      headers = {};
    }
    var names = Object.keys(headers);
    return names.length ? { header: names[0], token: String(headers[names[0]]) } : { header: null, token: null };
  }

  function formFor(media, fields) {
    var body = new URLSearchParams();
    var token = csrf();
    for (var name in fields) {
      if (Object.prototype.hasOwnProperty.call(fields, name)) body.append(name, fields[name]);
    }
    if (token.token) body.append(media.getAttribute("data-csrf-param") || "_csrf", token.token);
    return body;
  }

  function currentSeconds(media) {
    var t = media.currentTime;
    if (!isFinite(t) || t < 0) return null;
    var seconds = Math.floor(t);
    if (isFinite(media.duration) && media.duration > 0 && t >= media.duration - 0.5) {
      seconds = Math.floor(media.duration); // ended: the next visit starts from the beginning
    }
    return seconds;
  }

  function sendPosition(media) {
    var url = media.getAttribute("data-progress");
    var seconds = currentSeconds(media);
    if (!url || seconds === null) return;
    if (media._ghLastSent === seconds) return;
    media._ghLastSent = seconds;
    var body = formFor(media, { seconds: String(seconds) });
    if (navigator.sendBeacon) {
      try {
        if (navigator.sendBeacon(url, body)) return;
      } catch (e) {
        /* fall through to fetch */
      }
    }
    if (window.fetch) {
      window.fetch(url, { method: "POST", body: body, credentials: "same-origin", keepalive: true })
        .catch(function () {});
    }
  }

  function complete(media) {
    var url = media.getAttribute("data-complete");
    if (!url || media._ghCompleted || !window.fetch) return;
    media._ghCompleted = true;
    var token = csrf();
    var headers = { "HX-Request": "true", "HX-Current-URL": location.href };
    if (token.header) headers[token.header] = token.token;
    window.fetch(url, {
      method: "POST",
      body: formFor(media, {}),
      credentials: "same-origin",
      headers: headers
    }).then(function (response) {
      var redirect = response.headers.get("HX-Redirect");
      if (redirect) {
        location.assign(redirect);
        return null;
      }
      if (!response.ok) {
        media._ghCompleted = false;
        return null;
      }
      return response.text();
    }).then(function (html) {
      if (html === null || html === undefined) return;
      var target = doc.querySelector("[data-lesson-complete]");
      if (target && html) {
        var holder = doc.createElement("div");
        holder.innerHTML = html;
        var fresh = holder.querySelector("[data-lesson-complete]");
        if (fresh) {
          target.parentNode.replaceChild(fresh, target);
          if (window.htmx && window.htmx.process) window.htmx.process(fresh);
        }
      }
      media.dispatchEvent(new CustomEvent("guildhall:lesson-completed", { bubbles: true }));
    }).catch(function () {
      media._ghCompleted = false;
    });
  }

  function resume(media) {
    if (media._ghResumed) return;
    media._ghResumed = true;
    var at = parseFloat(media.getAttribute("data-resume") || "0");
    if (!isFinite(at) || at <= 0) return;
    var duration = media.duration;
    if (isFinite(duration) && duration > 0 && at >= duration - END_MARGIN_S) return;
    try {
      media.currentTime = at;
    } catch (e) {
      /* not seekable yet: start from the beginning */
    }
  }

  function stopTimer(media) {
    if (media._ghTimer) {
      clearInterval(media._ghTimer);
      media._ghTimer = null;
    }
  }

  function attach(media) {
    if (media._ghPlayer) return;
    media._ghPlayer = true;

    if (media.readyState >= 1) resume(media);
    else media.addEventListener("loadedmetadata", function () { resume(media); });

    media.addEventListener("play", function () {
      stopTimer(media);
      media._ghTimer = setInterval(function () {
        if (!media.paused) sendPosition(media);
      }, INTERVAL_MS);
    });
    media.addEventListener("pause", function () {
      stopTimer(media);
      sendPosition(media);
    });
    media.addEventListener("seeked", function () {
      if (media.paused) sendPosition(media);
    });
    media.addEventListener("ended", function () {
      stopTimer(media);
      sendPosition(media);
      complete(media);
    });
  }

  function scan(root) {
    var scope = root && root.querySelectorAll ? root : doc;
    if (scope.matches && scope.matches(SELECTOR)) attach(scope);
    var items = scope.querySelectorAll(SELECTOR);
    for (var i = 0; i < items.length; i++) attach(items[i]);
  }

  function flushAll() {
    var items = doc.querySelectorAll(SELECTOR);
    for (var i = 0; i < items.length; i++) {
      if (items[i]._ghPlayer && items[i].currentTime > 0) sendPosition(items[i]);
    }
  }

  window.addEventListener("pagehide", flushAll);
  doc.addEventListener("visibilitychange", function () {
    if (doc.visibilityState === "hidden") flushAll();
  });
  // content swapped in by htmx (e.g. the next lesson) gets the same behaviour
  doc.addEventListener("htmx:load", function (e) { scan(e.target); });

  if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", function () { scan(doc); });
  else scan(doc);
})();
