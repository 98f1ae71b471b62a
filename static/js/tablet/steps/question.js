/* Step kind `question`: type answers (the composer), see what I sent. */

import { el, t } from "../../common/live.js";
import { composer } from "../composer.js";
import { mineSection, ownEntries, statusBadge } from "../mine.js";
import { send } from "../state.js";

export function questionView() {
  const c = composer("type_answer", 200, null, (words) => send("answer", { text: words }));
  const mine = mineSection("my_answers", "📝");
  return {
    words: () => [t("type_answer")],
    node: el("div", { class: "t-split" }, [c.node, mine.node]),
    update() {
      mine.show(ownEntries("answer"), (e) => [
        el("p", { class: "t-mine-text", text: e.text }), statusBadge(e.status)]);
    },
    restore(item) { if (item.what === "answer") c.putBack(item.payload.text || ""); },
  };
}
