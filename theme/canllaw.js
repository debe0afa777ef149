// canllaw: keyboard navigation between pages (← and →), as in mdBook, and a
// large site's whole contents in the sidebar. Everything else on the site
// works without JavaScript.
(function () {
  "use strict";
  // A large site's pages carry only the part of the contents around them
  // (what a reader without JavaScript navigates by); the whole is in
  // LANG/toc.js, loaded before this script, with links from the language
  // folder. It takes the short one's place, this page's link marked.
  function wholeContents() {
    var nav = document.getElementById("cl-sidebar");
    var html = window.canllawToc;
    if (!nav || typeof html !== "string" || !nav.hasAttribute("data-current")) {
      return;
    }
    var root = nav.getAttribute("data-root") || "";
    var current = nav.getAttribute("data-current");
    var box = document.createElement("template");
    box.innerHTML = html;
    var links = box.content.querySelectorAll("a[href]");
    for (var i = 0; i < links.length; i++) {
      var href = links[i].getAttribute("href");
      if (!/^([a-z][a-z0-9+.-]*:|#|\/)/i.test(href)) {
        links[i].setAttribute("href", root + href);
      }
      if (links[i].getAttribute("data-path") === current) {
        links[i].setAttribute("aria-current", "page");
      }
    }
    nav.textContent = "";
    nav.appendChild(box.content);
  }
  wholeContents();
  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || typing(event.target)) {
      return;
    }
    var rel = event.key === "ArrowLeft" ? "prev" : event.key === "ArrowRight" ? "next" : null;
    if (!rel) {
      return;
    }
    var link = document.querySelector('link[rel="' + rel + '"]');
    if (link) {
      event.preventDefault();
      window.location.href = link.getAttribute("href");
    }
  });
})();
