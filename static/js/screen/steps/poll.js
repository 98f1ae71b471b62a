/* Step kind `poll`: a bar per choice, the leading one marked, how many children answered. */

import { el, t } from "../../common/live.js";
import { bump } from "../builders.js";
import { tx } from "../page.js";

export const poll = {
  mount(box, state) {
    this.rows = {};
    const list = el("ul", { class: "bars" });
    (state.step.choices || []).forEach((c) => {
      const fill = el("span", { class: "bar-fill" });
      const num = el("span", { class: "bar-num" });
      const row = el("li", { class: "bar-row" }, [
        el("span", { class: "bar-icon", "aria-hidden": "true", text: c.icon || "" }),
        el("span", { class: "bar-label", text: tx(c.label) }),
        el("span", { class: "bar-track" }, [fill]),
        num,
      ]);
      this.rows[c.id] = { row, fill, num };
      list.appendChild(row);
    });
    this.total = el("p", { class: "bars-total" });
    box.append(el("section", { class: "poll" }, [list, this.total]));
  },
  update(state) {
    const counts = state.counts || {};
    const values = Object.keys(this.rows).map((k) => counts[k] || 0);
    const max = Math.max(1, ...values);
    const total = values.reduce((a, b) => a + b, 0);
    // the reveal rule (step.results): no bars and no numbers until "Show results"
    this.total.textContent = "🙋 " + t("n_children", { n: total }) +
      (state.revealed ? "" : " · 🙈 " + t("results_hidden"));
    Object.entries(this.rows).forEach(([id, r]) => {
      r.row.classList.toggle("secret", !state.revealed);
      if (!state.revealed) {
        r.fill.style.inlineSize = "0%";
        r.num.textContent = "";
        r.row.classList.remove("lead", "zero");
        return;
      }
      const n = counts[id] || 0;
      requestAnimationFrame(() => { r.fill.style.inlineSize = (n / max * 100) + "%"; });
      bump(r.num, n);
      r.row.classList.toggle("lead", n > 0 && n === max);
      r.row.classList.toggle("zero", n === 0);
    });
  },
};
