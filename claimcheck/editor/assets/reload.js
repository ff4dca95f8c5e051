// claimcheck serve: reload the page when the site has been rebuilt.
// Served by `claimcheck serve` only and never written into the built site. It polls by loading
// /__claimcheck/version.js as a script, which the pages' Content-Security-Policy (script-src 'self')
// already allows: nothing in the policy is relaxed for it.
(function () {
  "use strict";
  var me = document.currentScript;
  var shown = me ? me.getAttribute("data-version") : null;
  window.__claimcheckVersion = function (version) {
    if (shown === null) {
      shown = String(version);
    } else if (String(version) !== shown) {
      window.location.reload();
    }
  };
  function poll() {
    var s = document.createElement("script");
    s.src = "/__claimcheck/version.js?t=" + Date.now();
    s.onload = s.onerror = function () {
      s.remove();
      window.setTimeout(poll, 700);
    };
    document.head.appendChild(s);
  }
  window.setTimeout(poll, 700);
})();
