/* Search page (/suche/): mount Pagefind's UI and search for ?q= from the header's search form.
   Loaded on the search page only, after pagefind-ui.js; no inline script (the site's CSP forbids it). */
(function () {
  "use strict";
  var mount = document.getElementById("suche");
  if (!mount || typeof window.PagefindUI !== "function") {
    return; // Pagefind did not load: the note about JavaScript and the Inhaltsübersicht stays.
  }
  // The index lies in pagefind/ at the site's root; the root may be a sub-folder (GitHub Pages).
  var bundle = new URL(mount.getAttribute("data-search-bundle"), window.location.href);
  var root = new URL("../", bundle);
  var ui = new window.PagefindUI({
    element: mount,
    bundlePath: bundle.pathname,
    baseUrl: root.pathname,
    showImages: false,
    showSubResults: true,
    resetStyles: false,
    autofocus: false,
    // Keep the address in step with the search, so it can be bookmarked, shared and reloaded.
    processTerm: function (term) {
      var address = new URL(window.location.href);
      if (term) {
        address.searchParams.set("q", term);
      } else {
        address.searchParams.delete("q");
      }
      window.history.replaceState(null, "", address);
      return term;
    }
  });
  var note = document.querySelector("[data-search-no-script]");
  if (note) {
    note.hidden = true;
  }
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) {
    ui.triggerSearch(query);
  }
})();
