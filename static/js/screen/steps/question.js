/* Step kind `question` (also the view of an unknown kind): the answers as sticky notes. */

import { el, t } from "../../common/live.js";
import {
  author,
  emptyState,
  moreLine,
  newestOnWall,
  NOTE_COLOURS,
  rotation,
} from "../builders.js";
import { fitGrid, NOTE_FIT } from "../fit.js";
import { L } from "../page.js";

export const question = {
  mount(box) {
    this.wall = el("ul", { class: "notes fit" });
    this.empty = emptyState("💬", t("nothing_yet"));
    this.more = moreLine("💬");
    box.append(this.more, this.wall, this.empty);
  },
  update(state) {
    const all = (state.items || []).filter(L.isShown);
    const items = newestOnWall(all, this.more, false);
    this.empty.hidden = items.length > 0;
    this.wall.hidden = !items.length;
    L.keyed(this.wall, items, (i) => i.id, (i) => {
      const note = el("li", { class: "note c" + (i.id % NOTE_COLOURS) });
      note.style.setProperty("--tilt", rotation(i.id) + "deg");
      note.append(el("p", { class: "note-text", text: i.text || "" }), author(i));
      return note;
    }, (i) => i.text + "|" + (i.author && i.author.avatar));
    fitGrid(this.wall, items.length, NOTE_FIT);
  },
};
