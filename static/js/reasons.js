/* "Not now" forms: a chosen reason is put in the box to adapt, and the preview shows what
 * the children will read, as it is typed. The server refuses a reason that says nothing. */
(function () {
  "use strict";

  function preview(form) {
    const box = form.querySelector("textarea[name=reason]");
    const out = form.querySelector(".reason-preview");
    if (!box || !out) return;
    const text = box.value.trim();
    out.querySelector(".reason-preview-text").textContent = text
      ? out.dataset.template.replace("%(reason)s", text) : out.dataset.empty;
    out.classList.toggle("is-empty", !text);
  }

  document.addEventListener("click", (event) => {
    const chip = event.target.closest(".reason-chip");
    if (!chip) return;
    const form = chip.closest("form");
    const box = form.querySelector("textarea[name=reason]");
    box.value = chip.dataset.reason;
    preview(form);
    box.focus();
    box.setSelectionRange(box.value.length, box.value.length);
  });
  document.addEventListener("input", (event) => {
    if (event.target.matches("textarea[name=reason]")) preview(event.target.closest("form"));
  });
  window.ReasonPreview = { refresh: (form) => preview(form) };
  document.querySelectorAll(".reason-preview").forEach((p) => preview(p.closest("form")));
})();
