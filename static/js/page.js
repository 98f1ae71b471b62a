/* Every page, first: the translated strings for the page's scripts (window.T, window.LANG,
 * from a JSON block: no inline script, see the Content-Security-Policy), the CSRF token that
 * requests changing something carry (window.CSRF_TOKEN, from <meta name="csrf-token">), and
 * small behaviours that would otherwise be inline handlers:
 *   <input class="select-on-focus">   selects its text on focus (links to copy)
 *   <select data-autosubmit>          sends its form on change
 *   <a data-back>                     goes back in the history when there is one
 */
(function () {
  "use strict";

  const strings = document.getElementById("client-strings");
  try { window.T = JSON.parse(strings.textContent); } catch (e) { window.T = {}; }
  window.LANG = (strings && strings.getAttribute("data-lang")) || "nl";
  const meta = document.querySelector('meta[name="csrf-token"]');
  window.CSRF_TOKEN = meta ? meta.getAttribute("content") : "";

  function closest(node, selector) {
    return node && node.closest ? node.closest(selector) : null;
  }

  document.addEventListener("focusin", (event) => {
    const input = closest(event.target, "input.select-on-focus");
    if (input) input.select();
  });
  document.addEventListener("change", (event) => {
    const field = closest(event.target, "[data-autosubmit]");
    if (field && field.form) field.form.submit();
  });
  document.addEventListener("click", (event) => {
    const back = closest(event.target, "a[data-back]");
    if (back && window.history.length > 1) {
      event.preventDefault();
      window.history.back();
    }
  });
})();
