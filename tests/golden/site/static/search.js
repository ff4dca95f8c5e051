/* claimcheck site search: plain JavaScript, no library, no network request outside the site.
   The index is split into small scripts under search/ (see claimcheck/render/site/search.py); each
   is loaded with a <script> element only when a query needs it, so search works from a web server
   and from file:// alike. Results are built with textContent only: no text from the data is ever
   parsed as HTML. Words are folded and stemmed exactly as the index was built (a test holds the
   stemmer below to the Python one). */
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  if (!form || !input || !status || !list) { return; }
  var root = form.getAttribute("data-root") || "";
  var PAGE = 20;
  var TYPES = { claim: "Claim", party: "Party", document: "Document" };
  var loaded = {};
  var waiting = {};
  var manifest = null;

  window.CLAIMCHECK_SEARCH = {
    add: function (name, data) {
      loaded[name] = data;
      (waiting[name] || []).forEach(function (f) { f(); });
      delete waiting[name];
    }
  };

  function load(name, file) {
    return new Promise(function (resolve, reject) {
      if (loaded[name] !== undefined) { resolve(loaded[name]); return; }
      var first = !waiting[name];
      (waiting[name] = waiting[name] || []).push(function () { resolve(loaded[name]); });
      if (!first) { return; }
      var s = document.createElement("script");
      s.src = root + "search/" + file + ".js";
      s.onerror = function () { reject(new Error("could not load " + file)); };
      document.head.appendChild(s);
    });
  }

  /* ---- words: folded, split, stemmed (M. F. Porter's algorithm) ---- */
  function fold(text) {
    return String(text || "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function tokens(text) { return fold(text).split(/[^a-z0-9]+/).filter(function (t) { return t; }); }
  var STEP2 = { ational: "ate", tional: "tion", enci: "ence", anci: "ance", izer: "ize", bli: "ble", alli: "al", entli: "ent",
    eli: "e", ousli: "ous", ization: "ize", ation: "ate", ator: "ate", alism: "al", iveness: "ive", fulness: "ful",
    ousness: "ous", aliti: "al", iviti: "ive", biliti: "ble", logi: "log" };
  var STEP3 = { icate: "ic", ative: "", alize: "al", iciti: "ic", ical: "ic", ful: "", ness: "" };
  var c = "[^aeiou]", v = "[aeiouy]", C = c + "[^aeiouy]*", V = v + "[aeiou]*";
  var MGR0 = new RegExp("^(" + C + ")?" + V + C), MEQ1 = new RegExp("^(" + C + ")?" + V + C + "(" + V + ")?$");
  var MGR1 = new RegExp("^(" + C + ")?" + V + C + V + C), S_V = new RegExp("^(" + C + ")?" + v);
  var CVC = new RegExp("^" + C + v + "[^aeiouwxy]$");
  var S2 = /^(.+?)(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness|fulness|ousness|aliti|iviti|biliti|logi)$/;
  var S3 = /^(.+?)(icate|ative|alize|iciti|ical|ful|ness)$/;
  var S4 = /^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$/;
  function stem(word) {
    if (word.length < 3 || !/^[a-z]+$/.test(word)) { return word; }
    var w = word, m, firstY = w.charAt(0) === "y";
    if (firstY) { w = "Y" + w.slice(1); }
    if ((m = /^(.+?)(ss|i)es$/.exec(w))) { w = m[1] + m[2]; } else if ((m = /^(.+?)([^s])s$/.exec(w))) { w = m[1] + m[2]; }
    if ((m = /^(.+?)eed$/.exec(w))) {
      if (MGR0.test(m[1])) { w = w.slice(0, -1); }
    } else if ((m = /^(.+?)(ed|ing)$/.exec(w)) && S_V.test(m[1])) {
      w = m[1];
      if (/(at|bl|iz)$/.test(w)) { w += "e"; } else if (/([^aeiouylsz])\1$/.test(w)) { w = w.slice(0, -1); } else if (CVC.test(w)) { w += "e"; }
    }
    if ((m = /^(.+?)y$/.exec(w)) && S_V.test(m[1])) { w = m[1] + "i"; }
    if ((m = S2.exec(w)) && MGR0.test(m[1])) { w = m[1] + STEP2[m[2]]; }
    if ((m = S3.exec(w)) && MGR0.test(m[1])) { w = m[1] + STEP3[m[2]]; }
    if ((m = S4.exec(w))) { if (MGR1.test(m[1])) { w = m[1]; } } else if ((m = /^(.+?)(s|t)(ion)$/.exec(w)) && MGR1.test(m[1] + m[2])) { w = m[1] + m[2]; }
    if ((m = /^(.+?)e$/.exec(w))) { var s = m[1]; if (MGR1.test(s) || (MEQ1.test(s) && !CVC.test(s))) { w = s; } }
    if (/ll$/.test(w) && MGR1.test(w)) { w = w.slice(0, -1); }
    if (firstY) { w = "y" + w.slice(1); }
    return w;
  }
  window.CLAIMCHECK_STEM = stem;

  /* ---- which shard holds a term ---- */
  function shardOf(term) {
    for (var w = Math.min(term.length, 12); w >= 1; w--) {
      var key = term.slice(0, w);
      if (w === term.length && manifest.shards[key + "="] !== undefined) { return key + "="; }
      if (manifest.shards[key] !== undefined) { return key; }
    }
    return null;
  }
  function shardsFor(prefix) {
    var keys = [];
    Object.keys(manifest.shards).forEach(function (key) {
      var bare = key.replace(/=$/, "");
      if (bare.indexOf(prefix) === 0 || prefix.indexOf(bare) === 0) { keys.push(key); }
    });
    return keys;
  }
  function loadShards(keys) {
    var ids = {};
    keys.forEach(function (k) { ids[manifest.shards[k]] = 1; });
    return Promise.all(Object.keys(ids).map(function (n) { return load("t:" + n, "t/" + n); }));
  }
  function decode(flat) {
    var out = {}, doc = 0;
    for (var i = 0; i < flat.length; i += 2) { doc += flat[i]; out[doc] = flat[i + 1]; }
    return out;
  }
  function postings(term, prefix) {
    var found = {};
    var keys = prefix ? shardsFor(term) : [shardOf(term)];
    keys.forEach(function (k) {
      var shard = k !== null && loaded["t:" + manifest.shards[k]];
      if (!shard) { return; }
      Object.keys(shard).forEach(function (t) {
        var bare = k.replace(/=$/, "");
        if (t.indexOf(bare) !== 0 || (k !== bare && t !== bare)) { return; }  /* a packed file holds other prefixes too */
        if (t === term || (prefix && t.indexOf(term) === 0 && t.charAt(0) !== "~")) {
          var p = decode(shard[t]);
          Object.keys(p).forEach(function (d) { found[d] = Math.max(found[d] || 0, p[d]); });
        }
      });
    });
    return found;
  }

  /* ---- a query: words and filters ---- */
  var filters = {};
  ["kind", "status", "verdict", "party"].forEach(function (name) {
    var el = document.getElementById("filter-" + name);
    if (el) { filters[name] = el; }
  });
  var FILTER_TERMS = { kind: "~k:", status: "~s:", verdict: "~v:", party: "~p:" };

  function parse(query) {
    var raw = tokens(query).filter(function (t) { return manifest.stop.indexOf(t) === -1; });
    var last = raw.length ? raw[raw.length - 1] : null;
    var typing = last !== null && !/\s$/.test(query) && last.length >= 3;
    return { words: raw, stems: raw.map(stem), typing: typing, last: last };
  }

  var results = [];
  var shown = 0;
  var token = 0;

  function run(query) {
    var mine = ++token;
    var q = parse(query);
    var active = Object.keys(filters).filter(function (n) { return filters[n].value; }).map(function (n) {
      return FILTER_TERMS[n] + fold(filters[n].value);
    });
    if (!q.words.length && !active.length) { show([], q, query); return Promise.resolve(); }
    var keys = {};
    q.stems.forEach(function (s, i) {
      if (q.typing && i === q.stems.length - 1) { shardsFor(s.length < q.last.length ? s : q.last).forEach(function (k) { keys[k] = 1; }); }
      var k = shardOf(s);
      if (k !== null) { keys[k] = 1; }
    });
    active.forEach(function (t) { var k = shardOf(t); if (k !== null) { keys[k] = 1; } });
    return loadShards(Object.keys(keys)).then(function () {
      if (mine !== token) { return; }
      var lists = q.stems.map(function (s, i) {
        if (q.typing && i === q.stems.length - 1) {
          var a = postings(s, true), b = postings(q.last, true);
          Object.keys(b).forEach(function (d) { a[d] = Math.max(a[d] || 0, b[d]); });
          return a;
        }
        return postings(s, false);
      });
      var must = active.map(function (t) { return postings(t, false); });
      var scores = {};
      var pool = lists.length ? lists[0] : must[0];
      var every = true;
      Object.keys(pool).forEach(function (d) {
        if (!must.every(function (m) { return m[d] !== undefined; })) { return; }
        if (!lists.every(function (l) { return l[d] !== undefined; })) { return; }
        scores[d] = lists.reduce(function (sum, l) { return sum + l[d]; }, 0);
      });
      if (!Object.keys(scores).length && lists.length > 1) {  /* no entry has every word: rank those with any */
        every = false;
        lists.forEach(function (l) {
          Object.keys(l).forEach(function (d) {
            if (must.every(function (m) { return m[d] !== undefined; })) { scores[d] = (scores[d] || 0) + l[d]; }
          });
        });
      }
      var ranked = Object.keys(scores).map(Number).sort(function (a, b) { return (scores[b] - scores[a]) || (a - b); });
      results = ranked;
      shown = 0;
      list.textContent = "";
      return page(q, query, every);
    });
  }

  function page(q, query, every) {
    var slice = results.slice(shown, shown + PAGE);
    var chunks = {};
    slice.forEach(function (d) { chunks[Math.floor(d / manifest.chunk)] = 1; });
    return Promise.all(Object.keys(chunks).map(function (n) { return load("d:" + n, "d/" + n); })).then(function () {
      slice.forEach(function (d) {
        var row = loaded["d:" + Math.floor(d / manifest.chunk)][d % manifest.chunk];
        var entry = {};
        manifest.fields.forEach(function (f, i) { entry[f] = row[i]; });
        list.appendChild(render(entry, q));
      });
      shown += slice.length;
      say(q, query, every);
    });
  }

  function show(found, q, query) { results = found; shown = 0; list.textContent = ""; say(q, query, true); }

  function say(q, query, every) {
    var text = query.trim();
    if (more) { more.hidden = shown >= results.length; }
    if (!text && !Object.keys(filters).some(function (n) { return filters[n].value; })) { status.textContent = ""; return; }
    if (!results.length) { status.textContent = "No results" + (text ? " for \u201c" + text + "\u201d" : "") + "."; return; }
    status.textContent = results.length + (results.length === 1 ? " result" : " results") + (text ? " for \u201c" + text + "\u201d" : "") +
      (every ? "" : " (no entry has every word: entries with any of them)") + (shown < results.length ? ", the first " + shown + " shown." : ".");
  }

  function safeHref(url) {
    return (typeof url === "string" && /^[a-z0-9][a-z0-9\-\/]*\.html(#[a-z0-9\-]+)?$/.test(url)) ? root + url : null;
  }

  function matches(word, q) {
    var s = stem(word);
    for (var i = 0; i < q.stems.length; i++) {
      if (s === q.stems[i]) { return true; }
      if (q.typing && i === q.stems.length - 1 && (s.indexOf(q.stems[i]) === 0 || word.indexOf(q.last) === 0)) { return true; }
    }
    return false;
  }

  /* the excerpt: about 36 words around the most matches, matched words in <mark> */
  function excerpt(text, q) {
    var parts = String(text).split(/(\s+)/);
    var words = [];
    parts.forEach(function (p, i) { if (p && !/^\s+$/.test(p)) { words.push(i); } });
    var hit = words.map(function (i) { return tokens(parts[i]).some(function (t) { return matches(t, q); }); });
    var span = 36, best = 0, bestScore = -1;
    for (var s = 0; s < Math.max(1, words.length - span + 1); s++) {
      var score = 0;
      for (var k = s; k < Math.min(words.length, s + span); k++) { if (hit[k]) { score++; } }
      if (score > bestScore) { bestScore = score; best = s; }
    }
    var p = document.createElement("p");
    p.className = "excerpt";
    if (best > 0) { p.appendChild(document.createTextNode("\u2026 ")); }
    for (var j = best; j < Math.min(words.length, best + span); j++) {
      var word = parts[words[j]];
      if (hit[j]) {
        var mark = document.createElement("mark");
        mark.textContent = word;
        p.appendChild(mark);
      } else {
        p.appendChild(document.createTextNode(word));
      }
      if (j + 1 < Math.min(words.length, best + span)) { p.appendChild(document.createTextNode(" ")); }
    }
    if (best + span < words.length) { p.appendChild(document.createTextNode(" \u2026")); }
    return p;
  }

  function badge(cls, text) {
    var b = document.createElement("span");
    b.className = cls;
    b.textContent = text;
    return b;
  }

  function render(e, q) {
    var li = document.createElement("li");
    li.className = "result result-" + (TYPES[e.type] ? e.type : "other");
    var head = document.createElement("p");
    head.className = "result-head";
    head.appendChild(badge("result-type", TYPES[e.type] || "Entry"));
    head.appendChild(document.createTextNode(" "));
    var href = safeHref(e.url);
    var title = document.createElement(href ? "a" : "span");
    if (href) { title.setAttribute("href", href); }
    title.textContent = e.title;
    head.appendChild(title);
    li.appendChild(head);
    if (e.verdict || e.status_label) {
      var glance = document.createElement("p");
      glance.className = "glance";
      if (e.verdict) { glance.appendChild(badge("verdict verdict-" + (e.tone || "none"), "Verdict: " + e.verdict)); glance.appendChild(document.createTextNode(" ")); }
      if (e.status_label) { glance.appendChild(badge("status status-" + (e.status || "none"), e.status_label)); }
      li.appendChild(glance);
    }
    li.appendChild(excerpt(e.excerpt, q));
    if (e.meta) {
      var meta = document.createElement("p");
      meta.className = "meta";
      meta.textContent = e.meta;
      li.appendChild(meta);
    }
    return li;
  }

  function remember() {
    try {
      var url = new URL(window.location.href);
      if (input.value) { url.searchParams.set("q", input.value); } else { url.searchParams.delete("q"); }
      Object.keys(filters).forEach(function (n) {
        if (filters[n].value) { url.searchParams.set(n, filters[n].value); } else { url.searchParams.delete(n); }
      });
      window.history.replaceState(null, "", url.toString());
    } catch (err) { /* some browsers refuse history changes on file:// pages; search still works */ }
  }

  var timer = null;
  function later() {
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(function () { remember(); run(input.value); }, 120);
  }

  load("manifest", "manifest").then(function (m) {
    manifest = m;
    form.addEventListener("submit", function (event) { event.preventDefault(); remember(); run(input.value); });
    input.addEventListener("input", later);
    Object.keys(filters).forEach(function (n) { filters[n].addEventListener("change", later); });
    if (more) {
      more.addEventListener("click", function () { page(parse(input.value), input.value, true); });
    }
    var params = new URLSearchParams(window.location.search);
    if (params.get("q")) { input.value = params.get("q"); }
    Object.keys(filters).forEach(function (n) {
      var value = params.get(n);
      if (!value) { return; }
      if (filters[n].tagName === "SELECT" && !Array.prototype.some.call(filters[n].options, function (o) { return o.value === value; })) {
        var opt = document.createElement("option");
        opt.value = value;
        opt.textContent = params.get(n + "_name") || value;  /* a source page passes the party's name with its id */
        filters[n].appendChild(opt);
      }
      filters[n].value = value;
    });
    form.setAttribute("data-ready", "true");
    run(input.value);
  }, function () { status.textContent = "The search index could not be loaded."; });
}());
