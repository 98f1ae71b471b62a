/* Read-aloud on the tablet: a 🔊 button that speaks (or stops) in the page's language. */

import { speak, t } from "../common/live.js";
import { LANG } from "./config.js";
import { button, icon } from "./ui.js";

export function speakButton(words) {
  return button("t-speak", { "aria-label": t("read_aloud"), title: t("read_aloud"),
                             onclick: (ev) => speakNow(words(), ev.currentTarget) },
                [icon("🔊")]);
}

export function speakNow(words, node) {
  if (window.speechSynthesis && window.speechSynthesis.speaking) {
    window.speechSynthesis.cancel();
    node.classList.remove("is-on");
    return;
  }
  if (!speak(words, LANG)) return;
  node.classList.add("is-on");
  const done = setInterval(() => {
    if (!window.speechSynthesis.speaking) { node.classList.remove("is-on"); clearInterval(done); }
  }, 400);
}
