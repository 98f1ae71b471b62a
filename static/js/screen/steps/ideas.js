/* Step kind `ideas`: the wall of ideas, newest first. */

import { el, t } from "../../common/live.js";
import {
  emptyState,
  ideaCard,
  ideaSig,
  moreLine,
  newestOnWall,
  NOTE_COLOURS,
  rotation,
  shownIdeas,
} from "../builders.js";
import { fitGrid, IDEA_FIT } from "../fit.js";
import { L } from "../page.js";

export const ideas = {
  mount(box) {
    this.wall = el("div", { class: "ideawall fit" });
    this.empty = emptyState("💡", t("nothing_yet"));
    this.more = moreLine("💡");
    box.append(this.more, this.wall, this.empty);
  },
  update(state) {
    const ideas = newestOnWall(shownIdeas(state).sort((a, b) => b.id - a.id), this.more, true);
    this.empty.hidden = ideas.length > 0;
    this.wall.hidden = !ideas.length;
    L.keyed(this.wall, ideas, (i) => i.id, (i) => {
      const card = ideaCard(i, state, "note c" + (i.id % NOTE_COLOURS));
      card.style.setProperty("--tilt", rotation(i.id) + "deg");
      return card;
    }, ideaSig);
    fitGrid(this.wall, ideas.length, IDEA_FIT);
  },
};
