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
