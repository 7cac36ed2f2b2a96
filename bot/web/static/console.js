// The console's live updates: Server-Sent Events say *that* something changed; the
// page then fetches the part it shows (already escaped HTML from the server).
// Polling keeps it current when SSE is blocked. Works without JavaScript too.
(function () {
  "use strict";
  var body = document.body;
  var partUrl = body.getAttribute("data-part");
  var part = document.getElementById("live-part");
  var statusLine = document.getElementById("live-status");
  var busy = false;
  var again = false;

  function atBottom(el) { return el && el.scrollHeight - el.scrollTop - el.clientHeight < 40; }

  function refresh() {
    if (!partUrl || !part) { return; }
    if (busy) { again = true; return; }
    busy = true;
    var thread = part.querySelector(".thread");
    var stick = !thread || atBottom(thread);
    fetch(partUrl, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (r) {
        if (r.status === 401) { window.location.href = "/console/login"; return null; }
        if (!r.ok) { throw new Error("status " + r.status); }
        return r.text();
      })
      .then(function (html) {
        if (html === null || html === undefined) { return; }
        if (html !== part.getAttribute("data-last")) {
          part.innerHTML = html;  // server-rendered and escaped by the template engine
          part.setAttribute("data-last", html);
          var t = part.querySelector(".thread");
          if (t && stick) { t.scrollTop = t.scrollHeight; }
        }
        if (statusLine) { statusLine.textContent = ""; }
      })
      .catch(function () {
        if (statusLine) { statusLine.textContent = "Geen verbinding. De pagina probeert het opnieuw."; }
      })
      .then(function () {
        busy = false;
        if (again) { again = false; refresh(); }
      });
  }

  if (partUrl && part) {
    var t0 = part.querySelector(".thread");
    if (t0) { t0.scrollTop = t0.scrollHeight; }
    if (window.EventSource) {
      var es = new EventSource("/console/events");
      es.onmessage = refresh;
    }
    setInterval(refresh, 10000);
  }

  // Reply hint: the two-option rule is a hint, not a rule the form enforces.
  var reply = document.getElementById("reply-text");
  var warn = document.getElementById("reply-warn");
  if (reply && warn) {
    reply.addEventListener("input", function () {
      var q = (reply.value.match(/\?/g) || []).length;
      var ors = (reply.value.match(/\bof\b/gi) || []).length;
      if (q > 1 || ors > 1) {
        warn.textContent = "Let op: dit zijn misschien meer dan twee keuzes of vragen tegelijk.";
        warn.hidden = false;
      } else {
        warn.hidden = true;
      }
    });
    reply.addEventListener("keydown", function (e) {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); reply.form.requestSubmit(); }
    });
  }
})();
