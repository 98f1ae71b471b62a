/* The tablet app's settings (window.TABLET), from the page's JSON block: no inline script. */
(function () {
  "use strict";
  const block = document.getElementById("tablet-config");
  try { window.TABLET = JSON.parse(block.textContent); } catch (e) { window.TABLET = {}; }
})();
