// Live reload for `backlight serve`. The development server adds this
// script to every HTML page it serves; a build never contains it.
//
// It listens on /__backlight/ws for one JSON event per rebuild:
//   {"all": bool, "paths": [site path…], "css": [[old, new]…], "errors": ["path:line:col: message"…]}
// Errors show an overlay, an event without errors removes it. The page
// reloads when "all" is set or its own site path is among "paths";
// otherwise its stylesheets named in "css" are swapped in place. When the
// connection drops it reconnects with backoff, and reloads once it is back,
// since the server that answers has made a new build.
(() => {
  "use strict";
  if (window.__backlightLive) return; // loaded twice
  window.__backlightLive = true;

  const overlayID = "__backlight-overlay";
  const url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/__backlight/ws";
  const firstDelay = 250, maxDelay = 5000;
  let delay = firstDelay;
  let wasOpen = false; // a connection of this page has been open
  let leaving = false;
  let socket = null;

  // The site's path: "/", or "/wiki/" for a site under a sub-path, which
  // the server gives in the script tag's data-base.
  const base = (document.currentScript && document.currentScript.dataset.base) || "/";

  // The page's site paths: the path of the URL without the site's path,
  // with "index.html" after a trailing "/"; decoded, and as sent.
  const sitePaths = () => {
    const raw = location.pathname;
    let decoded = raw;
    try { decoded = decodeURIComponent(raw); } catch (e) { /* keep raw */ }
    return [decoded, raw].map(p => {
      if (p.startsWith(base)) p = "/" + p.slice(base.length);
      return (p.endsWith("/") ? p + "index.html" : p).replace(/^\/+/, "");
    });
  };

  const connect = () => {
    if (leaving) return;
    let ws;
    try {
      ws = new WebSocket(url);
    } catch (e) {
      retry();
      return;
    }
    socket = ws;
    ws.onopen = () => {
      if (wasOpen) {
        location.reload(); // the server came back: a new build
        return;
      }
      wasOpen = true;
      delay = firstDelay;
    };
    ws.onmessage = m => {
      let ev;
      try { ev = JSON.parse(m.data); } catch (e) { return; }
      if (ev && typeof ev === "object") handle(ev);
    };
    ws.onclose = () => {
      if (socket === ws) socket = null;
      retry();
    };
  };

  const retry = () => {
    if (leaving) return;
    setTimeout(connect, delay);
    delay = Math.min(delay * 2, maxDelay);
  };

  const handle = ev => {
    const errors = Array.isArray(ev.errors) ? ev.errors : [];
    if (errors.length > 0) showOverlay(errors); else hideOverlay();
    const paths = Array.isArray(ev.paths) ? ev.paths : [];
    if (ev.all || sitePaths().some(p => paths.includes(p))) {
      location.reload();
      return;
    }
    for (const pair of Array.isArray(ev.css) ? ev.css : []) {
      if (Array.isArray(pair) && pair.length === 2) swapCSS(String(pair[0]), String(pair[1]));
    }
  };

  // swapCSS replaces each stylesheet link whose URL path ends with the
  // path from by one ending with to, removing the old link once the new
  // sheet has loaded, so that the page never shows unstyled.
  const swapCSS = (from, to) => {
    from = from.replace(/^\/+/, "");
    to = to.replace(/^\/+/, "");
    for (const link of document.querySelectorAll('link[rel~="stylesheet" i][href]')) {
      let u;
      try { u = new URL(link.href, location.href); } catch (e) { continue; }
      let path = u.pathname;
      try { path = decodeURI(path); } catch (e) { /* keep it */ }
      if (path !== "/" + from && !path.endsWith("/" + from)) continue;
      u.pathname = path.slice(0, path.length - from.length) + to;
      const next = link.cloneNode(false);
      next.removeAttribute("integrity"); // the new sheet has another hash
      next.href = u.href;
      next.addEventListener("load", () => link.remove(), { once: true });
      next.addEventListener("error", () => next.remove(), { once: true });
      link.after(next);
    }
  };

  const styles = `
:host { all: initial; }
.panel {
  position: fixed; z-index: 2147483647; top: 1rem; left: 1rem; right: 1rem;
  max-height: calc(100vh - 2rem); overflow: auto; box-sizing: border-box;
  padding: 1rem 1.25rem; border-radius: 8px; border-left: 4px solid #f87171;
  background: rgba(24, 24, 27, 0.93); color: #f4f4f5;
  box-shadow: 0 8px 32px rgba(0, 0, 0, 0.45);
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif;
}
.head { display: flex; align-items: baseline; gap: 0.75rem; padding-right: 2rem; }
.title { font-weight: 700; color: #fca5a5; }
.note { opacity: 0.75; }
.close {
  position: absolute; top: 0.5rem; right: 0.75rem; border: 0; background: none; color: inherit;
  font: 22px/1 system-ui, sans-serif; cursor: pointer; padding: 0.25rem 0.5rem; border-radius: 4px;
}
.close:hover, .close:focus-visible { background: rgba(255, 255, 255, 0.15); outline: none; }
ul { margin: 0.75rem 0 0; padding: 0; list-style: none; font: 13px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
li { padding: 0.3rem 0; border-top: 1px solid rgba(255, 255, 255, 0.12); white-space: pre-wrap; overflow-wrap: anywhere; }
@media (prefers-color-scheme: light) {
  .panel { background: rgba(39, 39, 42, 0.88); color: #fafafa; border-left-color: #ef4444; box-shadow: 0 8px 32px rgba(0, 0, 0, 0.25); }
  .title { color: #fecaca; }
}`;

  const element = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  };

  const showOverlay = errors => {
    hideOverlay();
    const host = element("div");
    host.id = overlayID;
    const root = host.attachShadow({ mode: "open" });
    root.appendChild(element("style", "", styles));
    const panel = element("div", "panel");
    panel.setAttribute("role", "alert");
    const head = element("div", "head");
    head.appendChild(element("span", "title", errors.length === 1 ? "Build failed: 1 error" : "Build failed: " + errors.length + " errors"));
    head.appendChild(element("span", "note", "still serving the last good build"));
    panel.appendChild(head);
    const close = element("button", "close", "\u00d7");
    close.type = "button";
    close.setAttribute("aria-label", "Close");
    close.addEventListener("click", hideOverlay);
    panel.appendChild(close);
    const list = element("ul");
    for (const e of errors) list.appendChild(element("li", "", String(e)));
    panel.appendChild(list);
    root.appendChild(panel);
    (document.body || document.documentElement).appendChild(host);
  };

  const hideOverlay = () => {
    const old = document.getElementById(overlayID);
    if (old) old.remove();
  };

  addEventListener("pagehide", () => {
    leaving = true;
    if (socket) socket.close();
  });
  addEventListener("pageshow", e => {
    if (!e.persisted) return;
    leaving = false; // back from the back-forward cache: catch up
    connect();
  });
  connect();
})();
