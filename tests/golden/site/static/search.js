/* claimcheck site search: plain JavaScript, no library, no network request.
   The index comes from search-index.js (window.CLAIMCHECK_INDEX), loaded by a <script> element so that
   search works from a web server and from file:// alike. Results are built with textContent only:
   no text from the data is ever parsed as HTML. */
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!form || !input || !status || !list) { return; }
  var root = form.getAttribute("data-root") || "";
  var TYPES = { claim: "Claim", quote: "Quote", source: "Party", document: "Document" };
  var ORDER = { claim: 0, quote: 1, source: 2, document: 3 };
  var MAX = 50;

  function fold(text) {
    return String(text || "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[\u2018\u2019\u201a\u201b]/g, "'").replace(/[\u201c\u201d\u201e\u201f]/g, "\"")
      .toLowerCase().replace(/\s+/g, " ").trim();
  }

  var entries = (Array.isArray(window.CLAIMCHECK_INDEX) ? window.CLAIMCHECK_INDEX : []).map(function (e, i) {
    var title = fold(e.title);
    return { entry: e, order: i, title: title, all: title + " " + fold(e.text) + " " + fold(e.meta) };
  });

  function search(query) {
    var q = fold(query);
    if (!q) { return []; }
    var terms = q.split(" ");
    var found = [];
    entries.forEach(function (item) {
      for (var i = 0; i < terms.length; i++) {
        if (item.all.indexOf(terms[i]) === -1) { return; }
      }
      var score = item.title.indexOf(q) !== -1 ? 4 : item.all.indexOf(q) !== -1 ? 2 : 0;
      terms.forEach(function (t) { if (item.title.indexOf(t) !== -1) { score += 1; } });
      found.push({ item: item, score: score });
    });
    found.sort(function (a, b) {
      return (b.score - a.score) || (ORDER[a.item.entry.type] - ORDER[b.item.entry.type]) || (a.item.order - b.item.order);
    });
    return found.map(function (f) { return f.item.entry; });
  }

  function safeHref(url) {
    /* index URLs are paths inside the site; refuse anything that is not */
    return (typeof url === "string" && /^[a-z0-9][a-z0-9\-\/]*\.html(#[a-z0-9\-]+)?$/.test(url)) ? root + url : null;
  }

  function show(query) {
    var results = search(query);
    while (list.firstChild) { list.removeChild(list.firstChild); }
    results.slice(0, MAX).forEach(function (e) {
      var li = document.createElement("li");
      li.className = "result result-" + (TYPES[e.type] ? e.type : "other");
      var kind = document.createElement("span");
      kind.className = "result-type";
      kind.textContent = TYPES[e.type] || "Entry";
      li.appendChild(kind);
      li.appendChild(document.createTextNode(" "));
      var href = safeHref(e.url);
      var title = document.createElement(href ? "a" : "span");
      if (href) { title.setAttribute("href", href); }
      title.textContent = e.title;
      li.appendChild(title);
      if (e.meta) {
        var meta = document.createElement("p");
        meta.className = "meta";
        meta.textContent = e.meta;
        li.appendChild(meta);
      }
      list.appendChild(li);
    });
    var q = query.trim();
    if (!q) {
      status.textContent = "";
    } else if (!results.length) {
      status.textContent = "No results for \u201c" + q + "\u201d.";
    } else {
      status.textContent = results.length + (results.length === 1 ? " result" : " results") + " for \u201c" + q + "\u201d" +
        (results.length > MAX ? ", the first " + MAX + " shown." : ".");
    }
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); show(input.value); });
  input.addEventListener("input", function () {
    show(input.value);
    try {
      var url = new URL(window.location.href);
      if (input.value) { url.searchParams.set("q", input.value); } else { url.searchParams.delete("q"); }
      window.history.replaceState(null, "", url.toString());
    } catch (err) { /* some browsers refuse history changes on file:// pages; search still works */ }
  });
  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) { input.value = initial; }
  show(input.value);
}());
