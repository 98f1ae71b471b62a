/* The series page's first-names choice is kept as soon as it is ticked or unticked (the
 * form's Save button does the same without JavaScript). */
(function () {
  "use strict";
  const form = document.getElementById("first-names-form");
  if (!form) return;
  const save = form.querySelector(".first-names-save");
  if (save) save.hidden = true;
  form.querySelector('input[name="show_first_names"]').addEventListener("change", () => {
    form.requestSubmit();
  });
})();
