// The web chat: send what the person types, show what comes back, live via SSE.
(function () {
  "use strict";
  var log = document.getElementById("log");
  var optionsBox = document.getElementById("options");
  var form = document.getElementById("form");
  var input = document.getElementById("text");
  var statusLine = document.getElementById("status");
  var last = 0;
  var counter = 0;
  var busy = false;

  function show(m) {
    var li = document.createElement("li");
    li.className = m.from;
    li.textContent = m.text;  // never innerHTML: what people write is shown as text
    log.appendChild(li);
    optionsBox.textContent = "";
    if (m.from !== "person" && m.options && m.options.length) {
      m.options.slice(0, 2).forEach(function (label) {
        var b = document.createElement("button");
        b.type = "button";
        b.textContent = label;
        b.addEventListener("click", function () { send(label); });
        optionsBox.appendChild(b);
      });
    }
    li.scrollIntoView({ block: "end" });
  }

  function fetchNew() {
    if (busy) { return; }
    busy = true;
    fetch("/chat/messages?after=" + last, { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        (data.messages || []).forEach(function (m) { last = Math.max(last, m.id); show(m); });
      })
      .catch(function () {})
      .then(function () { busy = false; });
  }

  function send(text) {
    counter += 1;
    var id = Date.now().toString(36) + "-" + counter;
    statusLine.textContent = "";
    fetch("/chat/send", {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-Voordeur-Chat": "1" },
      body: JSON.stringify({ text: text, id: id })
    }).then(function (r) {
      if (!r.ok) { statusLine.textContent = "Het lukt nu even niet. Probeer het zo nog eens."; }
      fetchNew();
    }).catch(function () {
      statusLine.textContent = "Geen verbinding. Probeer het zo nog eens.";
    });
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var text = input.value.trim();
    if (!text) { return; }
    input.value = "";
    send(text);
  });
  input.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); form.requestSubmit(); }
  });

  if (window.EventSource) {
    var es = new EventSource("/chat/events");
    es.onmessage = fetchNew;
  }
  setInterval(fetchNew, 4000);  // also works when live updates are blocked
  fetchNew();
  input.focus();
})();
