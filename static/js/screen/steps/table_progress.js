/* Critical thinking for a class at tables: a card per table with its animal, its idea,
 * how many of the questions its children answered about that idea and how many of its
 * children did (the server counts: services/tables.py), and the table's avatars. */

import { el, t } from "../../common/live.js";
import { L } from "../page.js";

export const tableProgress = {
  mount(box) {
    this.grid = el("div", { class: "tp-progress" });
    box.append(this.grid);
    this.sig = null;
  },
  update(state) {
    const tables = state.tables || [];
    const progress = state.table_progress || [];
    const ideas = new Map((state.ideas || []).map((i) => [i.id, i]));
    const kids = state.children || [];
    const sig = JSON.stringify([tables, progress, kids.map((c) => [c.avatar, c.table]),
      tables.map((tb) => { const i = ideas.get(tb.idea_id); return i ? [L.ideaWords(i), L.picture(i)] : null; })]);
    if (sig === this.sig) return;
    this.sig = sig;
    this.grid.style.setProperty("--cols", String(tables.length <= 4 ? tables.length : Math.ceil(tables.length / 2)));
    this.grid.replaceChildren(...tables.map((tb) => card(tb, progress.find((p) => p.table === tb.table),
      ideas.get(tb.idea_id), kids.filter((c) => c.table === tb.table), state)));
  },
};

function card(tb, p, idea, members, state) {
  const questions = (state.step.choices || []).length;
  p = p || { questions: 0, of_questions: questions, children: 0, of_children: members.length };
  const pic = idea ? L.picture(idea) : null;
  const meter = el("div", { class: "tp-meter", role: "presentation" }, [el("span")]);
  meter.firstChild.style.inlineSize = (p.of_questions ? Math.round(100 * p.questions / p.of_questions) : 0) + "%";
  const node = el("article", { class: "tp-card", "data-table": String(tb.table) }, [
    el("header", { class: "tp-card-head" }, [
      el("span", { class: "tp-card-icon", "aria-hidden": "true", text: tb.icon }),
      el("h2", { class: "tp-card-name", text: t("table_" + tb.id) }),
    ]),
    idea
      ? el("div", { class: "tp-card-idea", "data-idea": String(idea.id) }, [
        pic ? el("img", { src: pic, alt: "" }) : null,
        el("p", { class: "tp-card-words", dir: "auto", text: "💡 " + L.ideaWords(idea) }),
      ])
      : el("p", { class: "tp-card-noidea", text: t("tables_no_idea") }),
    meter,
    el("p", { class: "tp-card-count", text: "❓ " + t("n_questions_of", { n: p.questions, m: p.of_questions }) }),
    el("p", { class: "tp-card-count", text: "🙋 " + t("n_children_of", { n: p.children, m: p.of_children }) }),
    el("p", { class: "tp-card-kids", "aria-hidden": "true", text: members.map((c) => c.avatar).join(" ") }),
  ]);
  node.style.setProperty("--table-colour", tb.colour);
  return node;
}
