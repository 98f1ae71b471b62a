/* Step kind `cards`: each card with its reaction counts; the most loved marked. */

import { el, t } from "../../common/live.js";
import { bump } from "../builders.js";
import { density } from "../fit.js";
import { L, tx } from "../page.js";

export const cards = {
  mount(box, state) {
    this.cards = {};
    const grid = el("ul", { class: "cards " + density((state.step.choices || []).length, [6, 10]) });
    (state.step.choices || []).forEach((c) => {
      const nums = {};
      const reactions = el("div", { class: "card-reactions" }, L.REACTIONS.map(([key, icon]) => {
        nums[key] = el("span", { class: "r-num" });
        return el("span", { class: "r " + key, title: t(key) }, [el("span", { "aria-hidden": "true", text: icon }), nums[key]]);
      }));
      const card = el("li", { class: "card" }, [
        el("span", { class: "card-icon", "aria-hidden": "true", text: c.icon || "" }),
        el("h2", { class: "card-title", text: tx(c.label) }),
        c.text ? el("p", { class: "card-text", text: tx(c.text) }) : null,
        reactions,
      ]);
      this.cards[c.id] = { card, nums };
      grid.appendChild(card);
    });
    box.appendChild(grid);
  },
  update(state) {
    const counts = state.revealed ? (state.counts || {}) : null; // the reveal rule
    if (!counts) {
      Object.values(this.cards).forEach((c) => {
        c.card.classList.remove("loved");
        L.REACTIONS.forEach(([key]) => {
          c.nums[key].textContent = "";
          c.nums[key].parentNode.classList.add("zero");
        });
      });
      return;
    }
    let best = 0;
    Object.keys(this.cards).forEach((id) => { best = Math.max(best, counts[id + ":love"] || 0); });
    Object.entries(this.cards).forEach(([id, c]) => {
      L.REACTIONS.forEach(([key]) => {
        const n = counts[id + ":" + key] || 0;
        bump(c.nums[key], n);
        c.nums[key].parentNode.classList.toggle("zero", n === 0);
      });
      c.card.classList.toggle("loved", best > 0 && (counts[id + ":love"] || 0) === best);
    });
  },
};
