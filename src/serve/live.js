// canllaw serve: reloads this page when a change to the content changes it,
// and shows why when a change could not be built. Only the preview adds this
// script to its pages as it sends them; `canllaw build` never writes it.
(function () {
  "use strict";
  var me = document.currentScript;
  var session = me.getAttribute("data-session");
  var version = me.getAttribute("data-version");
  var page = me.getAttribute("data-page");
  var lang = document.documentElement.getAttribute("lang") || "en";
  var seq = "";
  var shown = null;

  function param(name, value) {
    return name + "=" + encodeURIComponent(value);
  }

  // The notice is built from text nodes only: problem messages quote the
  // author's content, which must never become markup.
  function show(notice) {
    if (shown) {
      shown.remove();
      shown = null;
    }
    if (!notice) {
      return;
    }
    shown = document.createElement("aside");
    shown.className = "cl-live-notice";
    shown.setAttribute("role", "alert");
    var title = document.createElement("h2");
    title.textContent = notice.title;
    var body = document.createElement("p");
    body.textContent = notice.body;
    var list = document.createElement("pre");
    list.textContent = notice.problems.join("\n");
    shown.append(title, body, list);
    document.body.prepend(shown);
  }

  function poll() {
    var url = "/__canllaw/wait?" + [
      param("session", session),
      param("version", version),
      param("seq", seq),
      param("page", page),
      param("lang", lang)
    ].join("&");
    fetch(url, { cache: "no-store" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.json();
      })
      .then(function (status) {
        if (status.reload) {
          window.location.reload();
          return;
        }
        version = String(status.version);
        seq = String(status.seq);
        show(status.notice);
        poll();
      })
      .catch(function () {
        // The preview stopped or restarted: try again shortly.
        window.setTimeout(poll, 1000);
      });
  }

  poll();
})();
