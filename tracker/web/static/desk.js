// Keyboard shortcuts of the desk's flag page; the page works without them.
// j / k: next or previous claim; a i o m u: choose a rating in the current claim's form; Ctrl+Enter: propose.
(function () {
  "use strict";
  var sides = function () { return Array.prototype.slice.call(document.querySelectorAll("[data-shortcuts] .side")); };
  if (!document.querySelector("[data-shortcuts]")) { return; }
  var current = 0;
  function focusSide(i) {
    var all = sides();
    if (!all.length) { return; }
    current = (i + all.length) % all.length;
    all[current].focus();
  }
  function typing(el) {
    return el && (el.tagName === "TEXTAREA" || el.tagName === "SELECT" ||
      (el.tagName === "INPUT" && el.type !== "radio" && el.type !== "checkbox"));
  }
  document.addEventListener("keydown", function (e) {
    var el = document.activeElement;
    var all = sides();
    var inSide = all.findIndex(function (s) { return s.contains(el); });
    if (inSide >= 0) { current = inSide; }
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      var form = all[current] && all[current].querySelector("form.rule");
      if (form && form.querySelector("input[name=rating]:checked")) { e.preventDefault(); form.requestSubmit(); }
      return;
    }
    if (typing(el) || e.ctrlKey || e.metaKey || e.altKey) { return; }
    if (e.key === "j") { e.preventDefault(); focusSide(current + 1); return; }
    if (e.key === "k") { e.preventDefault(); focusSide(current - 1); return; }
    var side = all[current];
    if (!side) { return; }
    var radio = side.querySelector('input[name=rating][data-key="' + e.key + '"]');
    if (radio) {
      e.preventDefault();
      radio.checked = true;
      var note = side.querySelector("textarea[name=note]");
      if (note) { note.focus(); }
    }
  });
}());
