/* A text box with a send button (question, critical): the words are a draft in
 * localStorage until sent, and come back into the box when refused. */

import { el, t } from "../common/live.js";
import { draftKey } from "./app.js";
import { store } from "./store.js";
import { button, icon, letterCounter, nudge, say } from "./ui.js";

export function composer(placeholderKey, maxLength, extraKey, onSend) {
  const box = el("textarea", { class: "t-input t-text", rows: "3",
                               placeholder: t(placeholderKey), "aria-label": t(placeholderKey),
                               enterkeyhint: "send" });
  const letters = letterCounter(box, maxLength);
  const key = draftKey(extraKey);
  box.value = store.get(key) || "";
  letters.update();
  box.addEventListener("input", () => {
    if (box.value) store.set(key, box.value); else store.del(key);
  });
  const sendButton = button("t-big t-primary t-send", { onclick: go },
                            [icon("📨"), el("span", { text: t("send") })]);
  function go() {
    const words = box.value.trim();
    if (!words) { say(box, t("text_empty")); return; }
    if (!letters.check()) return;
    onSend(words);
    box.value = "";
    letters.update();
    store.del(key);
    sendButton.classList.remove("t-sent-pop");
    void sendButton.offsetWidth;
    sendButton.classList.add("t-sent-pop");
  }
  return {
    node: el("div", { class: "t-compose" }, [box, letters.node, sendButton]),
    box: box,
    putBack(words) {
      const now = box.value.trim();
      box.value = now ? words + "\n" + now : words;
      store.set(key, box.value);
      letters.update();
      nudge(box);
    },
  };
}
