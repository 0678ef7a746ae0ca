// Backlight's default theme script. Everything here enhances pages that
// already work without it; nothing is inserted as HTML.
(function () {
  "use strict";
  // Opened from file:// a pretty URL ("roles/cpo/") shows a folder
  // listing, so point internal links at the folder's index.html instead.
  if (location.protocol === "file:") {
    document.querySelectorAll("a[href]").forEach(function (a) {
      var href = a.getAttribute("href");
      if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.charAt(0) === "#") return;
      var parts = href.split("#");
      if (parts[0] === "" ) return;
      if (parts[0].slice(-1) === "/" || parts[0] === "." || parts[0] === "..") {
        parts[0] = parts[0].replace(/\/?$/, "/") + "index.html";
        a.setAttribute("href", parts.join("#"));
      }
    });
  }
})();
