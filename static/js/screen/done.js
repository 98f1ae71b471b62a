/* "I'm done" on the projector: "12 of 20 done" and the avatars of the children still busy,
 * in the header beside the timer, on every step where children send something. */

import { el, t } from "../common/live.js";
import { L, root } from "./page.js";

const MAX_AVATARS = 14; // more than this: "+ n" after them

let box = null;
let count = null;
let faces = null;

function build() {
  count = el("span", { class: "s-done-count" });
  faces = el("span", { class: "s-done-busy", "aria-label": t("still_busy") });
  box = el("div", { class: "s-done", role: "status" }, [
    el("span", { class: "s-done-icon", "aria-hidden": "true", text: "✅" }), count, faces]);
  root.querySelector(".s-status").prepend(box);
}

export function renderDone(state) {
  if (!box) build();
  const progress = L.doneProgress(state);
  box.hidden = !progress || progress.of === 0;
  if (box.hidden) return;
  const all = progress.done === progress.of;
  box.classList.toggle("all", all);
  count.textContent = all ? t("all_done")
    : t("n_done", { n: progress.done, m: progress.of });
  const shown = all ? [] : progress.busy.slice(0, MAX_AVATARS);
  const more = all ? 0 : progress.busy.length - shown.length;
  faces.title = t("still_busy") + ": " + progress.busy.map((c) => c.name).join(", ");
  faces.replaceChildren(...shown.map((c) => el("span", { class: "s-done-face", title: c.name,
                                                         text: c.avatar })),
                        ...(more > 0 ? [el("span", { class: "s-done-more", text: "+" + more })]
                          : []));
}
