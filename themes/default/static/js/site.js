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

  // Backlog filters: without this script the whole table shows; with it,
  // the selects filter rows and board cards at once and the URL keeps the
  // filter (?kind=bug&status=ready) so that it can be shared.
  document.querySelectorAll("form[data-filters]").forEach(function (form) {
    var scope = form.closest(".backlog") || document;
    var rows = scope.querySelectorAll("tr[data-kind], li[data-kind]");
    var horizon = scope.querySelectorAll("tr.horizon-line");
    var output = form.querySelector(".filter-count");
    var selects = form.querySelectorAll("select");
    function matches(el) {
      for (var i = 0; i < selects.length; i++) {
        var s = selects[i], want = s.value;
        if (!want) continue;
        var have = el.getAttribute("data-" + s.name) || "";
        if (s.name === "tag" ? have.split(" ").indexOf(want) < 0 : have !== want) return false;
      }
      return true;
    }
    function apply(updateURL) {
      var shown = 0, total = 0, active = false;
      selects.forEach(function (s) { if (s.value) active = true; });
      rows.forEach(function (el) {
        var ok = matches(el);
        if (el.tagName === "TR") { total++; if (ok) shown++; }
        if (ok) el.removeAttribute("data-hidden"); else el.setAttribute("data-hidden", "");
      });
      horizon.forEach(function (el) { if (active) el.setAttribute("data-hidden", ""); else el.removeAttribute("data-hidden"); });
      output.textContent = active ? (output.getAttribute("data-count") || "{shown} of {total} items").replace("{shown}", shown).replace("{total}", total) : "";
      if (updateURL) {
        var params = new URLSearchParams(location.search);
        selects.forEach(function (s) { if (s.value) params.set(s.name, s.value); else params.delete(s.name); });
        var q = params.toString();
        history.replaceState(null, "", location.pathname + (q ? "?" + q : "") + location.hash);
      }
    }
    var initial = new URLSearchParams(location.search);
    selects.forEach(function (s) {
      var v = initial.get(s.name);
      if (v !== null) {
        for (var i = 0; i < s.options.length; i++) if (s.options[i].value === v) s.value = v;
      }
      s.addEventListener("change", function () { apply(true); });
    });
    form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
    // The selects filter as they change; Apply (the form's submit button,
    // for who looks for one) applies them again and stays on the page.
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      apply(true);
    });
    form.hidden = false;
    apply(false);
  });

  // A roadmap wider than the screen opens scrolled to today's line.
  document.querySelectorAll(".timeline-scroll").forEach(function (box) {
    var line = box.querySelector(".today line"), svg = box.querySelector("svg");
    if (!line || !svg || box.scrollWidth <= box.clientWidth) return;
    var vb = svg.viewBox && svg.viewBox.baseVal, scale = vb && vb.width ? svg.getBoundingClientRect().width / vb.width : 1;
    var x = parseFloat(line.getAttribute("x1")) * scale;
    box.scrollLeft = Math.max(0, x - box.clientWidth / 2);
  });
})();
