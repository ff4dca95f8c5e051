/* claimcheck: filter the claim cards of a page by kind, status and verdict, in the browser alone
   (from disk too). Without JavaScript the form stays hidden and every card is shown. */
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
  var cards = Array.prototype.slice.call(document.querySelectorAll("main .card[data-kind]"));
  var note = document.getElementById("filter-note");
  form.hidden = false;
  function apply() {
    var shown = 0;
    cards.forEach(function (card) {
      var ok = selects.every(function (s) { return !s.value || card.getAttribute("data-" + s.getAttribute("data-filter")) === s.value; });
      card.hidden = !ok;
      if (ok) { shown++; }
    });
    var active = selects.some(function (s) { return s.value; });
    if (note) { note.textContent = active ? shown + " of " + cards.length + " claims on this page shown." : ""; }
  }
  selects.forEach(function (s) { s.addEventListener("change", apply); });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
}());
