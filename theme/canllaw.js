// canllaw: keyboard navigation between pages (← and →), as in mdBook.
// Everything else on the site works without JavaScript.
(function () {
  "use strict";
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
