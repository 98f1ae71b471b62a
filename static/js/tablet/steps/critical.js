/* Step kind `critical`: the idea in focus (chosen on the big screen) and its questions, each
 * opening a composer; my answers below. */

import { el, t } from "../../common/live.js";
import { app } from "../app.js";
import { composer } from "../composer.js";
import { ideaPictures, ideaText } from "../idea.js";
import { mineSection, ownEntries, statusBadge } from "../mine.js";
import { send } from "../state.js";
import { sentence, speakButton } from "../speech.js";
import { myTable, tableBadge, tableIdeaId } from "../table.js";
import { button, icon, text } from "../ui.js";

// the question the child had open, opened again when the step is built again (another
// language); what was typed in it is a draft in localStorage
let lastOpen = null; // "idea id:question id"

function ideaWords(idea) {
  return sentence(t("idea_for"), ideaText(idea),
                  idea.title && idea.text !== idea.title ? idea.text : "");
}

export function criticalView() {
  const step = app.state.step;
  const focusBox = el("div", { class: "t-focus" });
  const questions = el("div", { class: "t-questions" });
  const mine = mineSection("my_answers", "📝");
  let open = null; // {question, idea, composer, row}
  let focusKey = null;

  function focusIdea() {
    const atTable = tableIdeaId(); // a class at tables: only this table's idea
    const id = atTable === undefined ? app.state.focus_idea_id : atTable;
    return (app.state.ideas || []).find((i) => i.id === id) || null;
  }
  function questionOf(id) { return step.choices.find((c) => c.id === id) || null; }

  function build() {
    const idea = focusIdea();
    open = null;
    if (!idea) {
      focusBox.replaceChildren(el("p", { class: "t-look" }, [
        icon("📺"), el("span", { text: t("wait_for_screen") })]));
      questions.replaceChildren();
      return;
    }
    focusBox.replaceChildren(...[tableBadge()].filter(Boolean),
      el("p", { class: "t-focus-label" }, [icon("💡"), el("span", { text: t("idea_for") })]),
      el("div", { class: "t-focus-card" }, [
        ideaPictures(idea, "t-focus-pics"),
        el("div", { class: "t-focus-words" }, [
          el("p", { class: "t-focus-text", text: ideaText(idea) }),
          idea.title && idea.text !== idea.title
            ? el("p", { class: "t-focus-sub", text: idea.text }) : null,
          idea.author ? el("p", { class: "t-top-author" }, [icon(idea.author.avatar), " ",
                                                           idea.author.name]) : null,
        ]),
        speakButton(() => ideaWords(idea), { cls: "t-speak-mini" }),
      ]));
    questions.replaceChildren(
      el("p", { class: "t-hint", text: t("answer_question") }),
      ...step.choices.map((q) => {
        const slot = el("div", { class: "t-q-slot" });
        const done = el("span", { class: "t-q-done", hidden: true });
        const b = button("t-question", { "aria-expanded": "false",
                                         onclick: () => toggle(q, idea, b, slot) }, [
          icon(q.icon, "t-q-icon"),
          el("span", { class: "t-q-text", text: text(q.label) }),
          done,
          icon("✎", "t-q-pen"),
        ]);
        b.dataset.q = q.id;
        b.done = done;
        return el("div", { class: "t-q" }, [
          el("div", { class: "t-q-row" }, [
            b, speakButton(() => text(q.label), { cls: "t-speak-mini" })]),
          slot,
        ]);
      }));
    const again = lastOpen && lastOpen.split(":");
    if (again && String(idea.id) === again[0]) {
      const b = questions.querySelector('[data-q="' + CSS.escape(again.slice(1).join(":")) + '"]');
      if (b) b.click();
    }
  }
  function toggle(q, idea, b, slot) {
    const wasOpen = open && open.question === q.id;
    if (open) {
      open.button.setAttribute("aria-expanded", "false");
      open.button.classList.remove("is-on");
      open.slot.replaceChildren();
      open = null;
    }
    lastOpen = null;
    if (wasOpen) return;
    lastOpen = idea.id + ":" + q.id;
    const c = composer("type_answer", 200, idea.id + ":" + q.id, (words) =>
      send("critical", { idea_id: idea.id, question: q.id, text: words }));
    slot.replaceChildren(c.node);
    b.setAttribute("aria-expanded", "true");
    b.classList.add("is-on");
    open = { question: q.id, idea: idea.id, composer: c, button: b, slot: slot };
    c.box.focus();
    // the answer box and its send button in view at once, on a small or turned tablet too
    c.node.scrollIntoView({ block: "nearest" });
  }
  return {
    words() {
      const idea = focusIdea();
      if (!idea) return [t("wait_for_screen")];
      return [ideaWords(idea), t("answer_question"), ...step.choices.map((q) => text(q.label))];
    },
    node: el("div", { class: "t-critical" }, [
      focusBox, questions, mine.node,
    ]),
    update() {
      const idea = focusIdea();
      const table = myTable();
      const key = (idea ? idea.id + ":" + ideaText(idea) : "none") + ":" + (table ? table.table : "-");
      if (key !== focusKey) { focusKey = key; build(); }
      const ideas = app.state.ideas || [];
      const entries = ownEntries("critical");
      questions.querySelectorAll(".t-question").forEach((b) => {
        const n = entries.filter((e) => {
          const d = e.item ? { question: e.item.choice, idea_id: e.item.idea_id } : e.payload;
          return idea && d.question === b.dataset.q && d.idea_id === idea.id &&
            e.status !== "hidden";
        }).length;
        b.done.hidden = n === 0;
        b.done.replaceChildren(icon("✅"), el("span", { text: String(n) }));
      });
      mine.show(entries, (e) => {
        const data = e.item ? { question: e.item.choice, idea_id: e.item.idea_id } : e.payload;
        const q = questionOf(data.question);
        const other = idea && data.idea_id !== idea.id
          ? ideas.find((i) => i.id === data.idea_id) : null;
        return [
          el("span", { class: "t-mine-icon", "aria-hidden": "true", text: q ? q.icon : "📝" }),
          el("div", { class: "t-mine-words" }, [
            other ? el("p", { class: "t-mine-idea" }, [icon("💡"), " ", ideaText(other)]) : null,
            el("p", { class: "t-mine-text", text: e.text }),
            statusBadge(e.status),
          ]),
        ];
      });
    },
    restore(item) {
      const idea = focusIdea();
      if (item.what !== "critical" || !idea) return;
      const p = item.payload;
      if (!open || open.question !== p.question || open.idea !== p.idea_id) {
        const row = questions.querySelector('[data-q="' + CSS.escape(p.question) + '"]');
        if (!row || p.idea_id !== idea.id) return;
        row.click();
      }
      if (open) open.composer.putBack(p.text || "");
    },
  };
}
