/* Step kind `critical`: the idea in focus with the children's answers under each
 * question; the other shortlisted ideas as chips to focus next. */

import { el, t } from "../../common/live.js";
import {
  author,
  emptyState,
  focusIdea,
  ideaSig,
  ideaWordsNodes,
  NOTE_COLOURS,
  shownIdeas,
} from "../builders.js";
import { shrinkToFit } from "../fit.js";
import { L, tx } from "../page.js";

export const critical = {
  mount(box, state) {
    const idea = focusIdea(state);
    this.focusId = idea ? idea.id : null;
    this.chips = el("div", { class: "chips" });
    this.chipsBox = el("div", { class: "chips-box" }, [
      el("span", { class: "chips-label", text: "⭐ " + t("shortlisted") }), this.chips,
    ]);
    this.lists = {};
    if (!idea) {
      box.append(emptyState("⭐", t("no_focus")), this.chipsBox);
      return;
    }
    const pic = L.picture(idea);
    const focus = el("article", { class: "focus-idea" + (pic ? " has-pic" : "") }, [
      el("p", { class: "focus-label", text: "🎯 " + t("focus") }),
      pic ? el("div", { class: "focus-pic" }, [el("img", { src: pic, alt: "" })]) : null,
      ideaWordsNodes(idea, "focus-words"),
      el("div", { class: "idea-foot" }, [author(idea),
        el("span", { class: "idea-cat", "aria-hidden": "true", text: L.categoryIcon(idea, state) })]),
    ]);
    const questions = el("div", { class: "questions" });
    (state.step.choices || []).forEach((q) => {
      const list = el("ul", { class: "answers" });
      this.lists[q.id] = list;
      questions.appendChild(el("section", { class: "question" }, [
        el("span", { class: "q-icon", "aria-hidden": "true", text: q.icon || "" }),
        el("h2", { class: "q-text", text: tx(q.text) || tx(q.label) }),
        list,
      ]));
    });
    box.append(el("section", { class: "critical" }, [focus, questions]), this.chipsBox);
  },
  update(state) {
    const others = shownIdeas(state).filter((i) => i.shortlisted && i.id !== this.focusId);
    this.chipsBox.hidden = !others.length;
    L.keyed(this.chips, others, (i) => i.id, (i) => el("button", {
      type: "button", class: "chip", "data-focus": String(i.id), "data-idea": String(i.id), title: t("focus"),
    }, [
      L.picture(i) ? el("img", { src: L.picture(i), alt: "" }) : el("span", { "aria-hidden": "true", text: L.categoryIcon(i, state) || "💡" }),
      el("span", { class: "chip-words", text: L.ideaWords(i) }),
    ]), ideaSig);
    if (this.focusId === null) return;
    const items = (state.items || []).filter((i) => L.isShown(i) && i.idea_id === this.focusId);
    Object.entries(this.lists).forEach(([qid, list]) => {
      const mine = items.filter((i) => i.choice === qid);

      L.keyed(list, mine, (i) => i.id, (i) => el("li", { class: "answer c" + (i.id % NOTE_COLOURS) }, [
        el("span", { class: "who-avatar", "aria-hidden": "true", text: (i.author && i.author.avatar) || "🙂" }),
        el("span", { class: "answer-text", text: i.text || "" }),
      ]), (i) => i.text);
      shrinkToFit(list, ["", "many", "lots", "tiny"]);
    });
  },
};
