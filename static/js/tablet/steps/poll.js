/* Step kind `poll`: one choice, changeable; the counts once the leader reveals them. */

import { el } from "../../common/live.js";
import { app } from "../app.js";
import { pending, send } from "../state.js";
import { speakButton } from "../speech.js";
import { button, icon, pressed, text } from "../ui.js";

export function pollView() {
  const step = app.state.step;
  const buttons = step.choices.map((choice) => {
    const count = el("span", { class: "t-count-badge", hidden: true });
    const b = button("t-choice", { "aria-pressed": "false",
                                   onclick: () => choose(choice.id) }, [
      icon(choice.icon, "t-choice-icon"),
      el("span", { class: "t-choice-label", text: text(choice.label) }),
      icon("✔", "t-check"),
      count,
    ]);
    b.dataset.choice = choice.id;
    b.count = count;
    return b;
  });
  // each choice read aloud by itself too (a sibling: no button inside a button)
  const rows = step.choices.map((choice, n) => el("div", { class: "t-choice-wrap" }, [
    buttons[n], speakButton(() => text(choice.label), { cls: "t-speak-mini" })]));
  function current() {
    const waiting = pending("poll");
    if (waiting.length) return waiting[waiting.length - 1].payload.choice;
    const mine = (app.state.mine || []).filter((m) => m.type === "poll");
    return mine.length ? mine[mine.length - 1].choice : null;
  }
  function choose(id) {
    if (current() === id) return;
    send("poll", { choice: id });
  }
  return {
    node: el("div", { class: "t-choices" }, rows),
    words: () => step.choices.map((c) => text(c.label)),
    update() {
      const now = current();
      const counts = app.state.revealed ? (app.state.counts || {}) : null;
      buttons.forEach((b) => {
        pressed(b, b.dataset.choice === now);
        b.count.hidden = !counts;
        if (counts) b.count.textContent = String(counts[b.dataset.choice] || 0);
      });
    },
  };
}
