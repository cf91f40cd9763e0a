// Chorus web UI: light up the same claim in every source on hover, keyboard focus or click (a click pins it).
// Written for Chorus. No dependencies; the page works without it.
(function () {
  "use strict";
  var pinned = null;
  function light(claim) {
    document.querySelectorAll(".s.hl").forEach(function (el) { el.classList.remove("hl"); });
    if (!claim) { return; }
    document.querySelectorAll('.s[data-claim="' + claim + '"]').forEach(function (el) { el.classList.add("hl"); });
  }
  document.addEventListener("mouseover", function (e) {
    var s = e.target.closest && e.target.closest(".s[data-claim]");
    if (!pinned) { light(s ? s.dataset.claim : null); }
  });
  document.addEventListener("focusin", function (e) {
    var s = e.target.closest && e.target.closest(".s[data-claim]");
    if (s) { pinned = null; light(s.dataset.claim); }
  });
  function toggle(s) {
    pinned = pinned === s.dataset.claim ? null : s.dataset.claim;
    light(pinned);
  }
  document.addEventListener("click", function (e) {
    var s = e.target.closest && e.target.closest(".s[data-claim]");
    if (s) { toggle(s); }
  });
  document.addEventListener("keydown", function (e) {
    var s = e.target.closest && e.target.closest(".s[data-claim]");
    if (s && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); toggle(s); }
  });
})();

// The open-alert badge in the header, and the acknowledge buttons of the alerts page.
(function () {
  "use strict";
  var badge = document.querySelector("[data-alerts]");
  if (badge && window.fetch) {
    fetch("/api/alerts/open", { headers: { "Accept": "application/json", "X-Requested-With": "chorus" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (d) {
        if (d && d.open > 0) {
          badge.textContent = String(d.open);
          badge.setAttribute("aria-label", d.open + " open alerts");
          badge.hidden = false;
        }
      })
      .catch(function () { });
  }
  document.addEventListener("click", function (e) {
    var b = e.target.closest && e.target.closest("button[data-ack]");
    if (!b) { return; }
    var all = b.dataset.ack === "all";
    var body = all ? { all: true } : { seqs: [Number(b.dataset.ack)] };
    b.disabled = true;
    fetch("/api/alerts/ack", { method: "POST", headers: { "Content-Type": "application/json", "X-Requested-With": "chorus" }, body: JSON.stringify(body) })
      .then(function (r) {
        if (r.ok) { window.location.reload(); return; }
        var s = document.querySelector(".ack-status");
        if (s) { s.textContent = r.status === 401 || r.status === 403 ? "Acknowledging needs an API key: use ./chorus alerts ack or the API." : "Could not acknowledge (HTTP " + r.status + ")."; }
        b.disabled = false;
      });
  });
})();

// Corrections of a story's grouping from its page: split, move, merge and undo through the API, with the API key typed
// on the page (kept in this browser session only), then the story that results is opened.
(function () {
  "use strict";
  var form = document.querySelector("form.correct");
  if (!form || !window.fetch) { return; }
  var story = form.dataset.story;
  var key = form.querySelector("input[name=key]");
  var status = form.querySelector(".correct-status");
  try { key.value = sessionStorage.getItem("chorus-api-key") || ""; } catch (e) { }
  function say(text) { status.textContent = text; }
  function send(url, body) {
    var headers = { "Content-Type": "application/json", "X-Requested-With": "chorus" };
    if (key.value) {
      headers["Authorization"] = "Bearer " + key.value;
      try { sessionStorage.setItem("chorus-api-key", key.value); } catch (e) { }
    }
    say("Working…");
    return fetch(url, { method: "POST", headers: headers, body: JSON.stringify(body) }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (d) {
        if (r.ok && d.story) { window.location.href = "/stories/" + encodeURIComponent(d.story); return; }
        say(r.status === 401 ? "An API key is needed: type one of the server's keys above." : (d.detail || d.title || ("HTTP " + r.status)));
      });
    }, function () { say("The server did not answer."); });
  }
  function checked() {
    return Array.prototype.map.call(form.querySelectorAll("input[name=article]:checked"), function (c) { return c.value; });
  }
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  (form.closest("section") || form).addEventListener("click", function (e) {
    var b = e.target.closest && e.target.closest("button[data-correct], button[data-undo]");
    if (!b) { return; }
    var action = b.dataset.correct;
    if (b.dataset.undo) { send("/api/stories/corrections/undo", { seq: Number(b.dataset.undo) }); return; }
    var articles = checked();
    if (action === "split") {
      if (articles.length === 0) { say("Check the articles that belong to another story first."); return; }
      send("/api/stories/" + encodeURIComponent(story) + "/split", { articles: articles });
    } else if (action === "move") {
      var target = form.querySelector("input[name=target]").value.trim();
      if (articles.length === 0 || !target) { say("Check articles and give the id of the story they belong to."); return; }
      send("/api/stories/" + encodeURIComponent(target) + "/move", { articles: articles });
    } else if (action === "merge") {
      var other = form.querySelector("input[name=other]").value.trim();
      if (!other) { say("Give the id of the story to merge into this one."); return; }
      send("/api/stories/" + encodeURIComponent(story) + "/merge", { story: other });
    }
  });
})();

// Watchlists from the alerts page: add one (form) or remove one, through the API with the API key typed on the page.
(function () {
  "use strict";
  var form = document.querySelector("form.watchlist");
  if (!form || !window.fetch) { return; }
  var key = form.querySelector("input[name=key]");
  var status = form.querySelector(".watchlist-status");
  try { key.value = sessionStorage.getItem("chorus-api-key") || ""; } catch (e) { }
  function headers() {
    var h = { "Content-Type": "application/json", "X-Requested-With": "chorus" };
    if (key.value) {
      h["Authorization"] = "Bearer " + key.value;
      try { sessionStorage.setItem("chorus-api-key", key.value); } catch (e) { }
    }
    return h;
  }
  function answer(r) {
    if (r.ok) { window.location.reload(); return; }
    r.json().catch(function () { return {}; }).then(function (d) {
      status.textContent = r.status === 401 ? "An API key is needed: type one of the server's keys." : (d.detail || d.title || ("HTTP " + r.status));
    });
  }
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var body = { name: form.elements.name.value.trim() };
    ["entity", "query", "outlet", "webhook"].forEach(function (f) { var v = form.elements[f].value.trim(); if (v) { body[f] = v; } });
    body.minSources = Number(form.elements.minSources.value || 1);
    status.textContent = "Working…";
    fetch("/api/watchlists", { method: "POST", headers: headers(), body: JSON.stringify(body) }).then(answer, function () { status.textContent = "The server did not answer."; });
  });
  document.addEventListener("click", function (e) {
    var b = e.target.closest && e.target.closest("button[data-remove-watchlist]");
    if (!b) { return; }
    fetch("/api/watchlists/" + encodeURIComponent(b.dataset.removeWatchlist), { method: "DELETE", headers: headers() }).then(answer);
  });
})();
