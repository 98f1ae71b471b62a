/* Step kind `cards`: a reaction (love, like, hmm) on each card; the counts once revealed. */

import { el, t } from "../../common/live.js";
import { app } from "../app.js";
import { pending, send } from "../state.js";
import { sentence, speakButton } from "../speech.js";
import { button, icon, pressed, text } from "../ui.js";

const REACTIONS = [["love", "❤️"], ["like", "👍"], ["hmm", "🤔"]];

function cardWords(card) {
  return sentence(text(card.label), text(card.text),
                  REACTIONS.map(([name]) => t(name)).join(", "));
}

export function cardsView() {
  const step = app.state.step;
  const rows = step.choices.map((card) => {
    const reactions = REACTIONS.map(([name, symbol]) => {
      const count = el("span", { class: "t-count-badge", hidden: true });
      const b = button("t-react is-" + name, { "aria-pressed": "false",
                                               onclick: () => react(card.id, name) },
                       [icon(symbol, "t-react-icon"),
                        el("span", { class: "t-react-label", text: t(name) }), count]);
      b.dataset.reaction = name;
      b.count = count;
      return b;
    });
    const node = el("article", { class: "t-card" }, [
      el("div", { class: "t-card-top" }, [
        icon(card.icon, "t-card-icon"),
        el("div", {}, [
          el("h3", { class: "t-card-title", text: text(card.label) }),
          card.text ? el("p", { class: "t-card-text", text: text(card.text) }) : null,
        ]),
        speakButton(() => cardWords(card), { cls: "t-speak-mini" }),
      ]),
      el("div", { class: "t-reactions" }, reactions),
    ]);
    return { id: card.id, node: node, reactions: reactions };
  });
  function current(cardId) {
    const waiting = pending("reaction").filter((i) => i.payload.card === cardId);
    if (waiting.length) return waiting[waiting.length - 1].payload.reaction;
    const mine = (app.state.mine || []).filter((m) => m.type === "reaction" &&
                                                      (m.choice || "").split(":")[0] === cardId);
    return mine.length ? mine[mine.length - 1].choice.split(":")[1] : null;
  }
  function react(cardId, name) {
    if (current(cardId) === name) return;
    send("reaction", { card: cardId, reaction: name });
  }
  return {
    node: el("div", { class: "t-cards" }, rows.map((r) => r.node)),
    words: () => step.choices.map((c) => sentence(text(c.label), text(c.text))),
    update() {
      const counts = app.state.revealed ? (app.state.counts || {}) : null;
      rows.forEach((r) => {
        const now = current(r.id);
        r.node.classList.toggle("is-done", !!now);
        r.reactions.forEach((b) => {
          pressed(b, b.dataset.reaction === now);
          b.count.hidden = !counts;
          if (counts) b.count.textContent = String(counts[r.id + ":" + b.dataset.reaction] || 0);
        });
      });
    },
  };
}
