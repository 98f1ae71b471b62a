/* A text box with a send button (question, critical): the words are a draft in
 * localStorage until sent, and come back into the box when refused. */

import { el } from "../common/live.js";
import { draftKey } from "./app.js";
import { draftBox } from "./draft_box.js";

export function composer(placeholderKey, maxLength, extraKey, onSend) {
  const words = draftBox(draftKey(extraKey), placeholderKey, maxLength, onSend,
                         { enterkeyhint: "send" });
  return {
    node: el("div", { class: "t-compose" }, [words.box, words.letters.node, words.sendButton]),
    box: words.box,
    putBack: words.putBack,
  };
}
