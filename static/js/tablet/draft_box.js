/* Words the child is about to send (an answer, an idea): a text box whose words are a draft
 * in localStorage until sent, a letter counter, and a send button that checks the words,
 * hands them on, empties the box and pops; refused words come back with putBack(). */

import { el, t } from "../common/live.js";
import { store } from "./store.js";
import { button, icon, letterCounter, nudge, say } from "./ui.js";

export function draftBox(key, placeholderKey, maxLength, onSend, attrs) {
  /* onSend(words) gets the trimmed words once they are there and fit; it sends them and
   * clears whatever else went with them. */
  const box = el("textarea", Object.assign({ class: "t-input t-text", rows: "3",
                                             placeholder: t(placeholderKey),
                                             "aria-label": t(placeholderKey) }, attrs || {}));
  const letters = letterCounter(box, maxLength);
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
    box: box,
    letters: letters,
    sendButton: sendButton,
    putBack(words) {
      /* Refused words back into the box, before what the child typed since. */
      const now = box.value.trim();
      box.value = now ? words + "\n" + now : words;
      store.set(key, box.value);
      letters.update();
      nudge(box);
    },
  };
}
