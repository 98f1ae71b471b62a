/* The photo button of the idea step: the camera or a file, shrunk (shrink.js), with a
 * preview and a remove button. */

import { el, t } from "../common/live.js";
import { showBanner } from "./shell.js";
import { resizePhoto } from "./shrink.js";
import { button, icon } from "./ui.js";

export function photoPicker() {
  let data = null;
  const input = el("input", { type: "file", accept: "image/*", capture: "environment",
                              class: "t-file", tabindex: "-1", "aria-hidden": "true" });
  const preview = el("img", { class: "t-photo-preview", alt: "" });
  const removeButton = button("t-tool t-photo-remove", { "aria-label": t("remove"),
                                                         title: t("remove"), onclick: clear },
                              [icon("✕")]);
  const shown = el("div", { class: "t-photo-shown", hidden: true }, [preview, removeButton]);
  const take = button("t-btn t-photo-btn", { onclick: () => input.click() },
                      [icon("📷"), el("span", { text: t("photo") })]);
  input.addEventListener("change", async () => {
    const file = input.files && input.files[0];
    input.value = "";
    if (!file) return;
    take.disabled = true;
    try { set(await resizePhoto(file)); } catch (e) { showBanner(t("image_invalid")); }
    take.disabled = false;
  });
  function set(url) {
    data = url;
    preview.src = url;
    shown.hidden = false;
  }
  function clear() {
    data = null;
    preview.removeAttribute("src");
    shown.hidden = true;
  }
  return {
    node: el("div", { class: "t-photo" }, [take, input, shown]),
    value: () => data,
    set: set,
    clear: clear,
  };
}
