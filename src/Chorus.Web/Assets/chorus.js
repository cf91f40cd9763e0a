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
