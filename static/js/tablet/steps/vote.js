/* Step kind `vote`: a budget of votes over the ideas (at most max_per_idea on one), plus
 * and minus; the tally once revealed. */

import { el, t } from "../../common/live.js";
import { app } from "../app.js";
import { categoryOf, ideaPictures, ideaText } from "../idea.js";
import { pending, send } from "../state.js";
import { sentence, speakButton } from "../speech.js";
import { button, icon } from "../ui.js";

function ideaWords(idea) {
  const words = ideaText(idea);
  return sentence(words, idea.title && idea.text && idea.text !== idea.title ? idea.text : "");
}

export function voteView() {
  const step = app.state.step;
  const budget = step.budget || 0;
  const maxPer = step.max_per_idea || budget;
  const leftText = el("span", { class: "t-left-text" });
  const leftBox = el("div", { class: "t-left" });
  const leftDots = el("span", { class: "t-left-dots", "aria-hidden": "true" });
  const hint = el("p", { class: "t-hint", text: t("tap_to_vote") });
  const grid = el("div", { class: "t-vote-grid" });
  let cards = new Map();
  let ideasKey = "";
  leftBox.append(leftDots, leftText);

  function mineOn(id) {
    const base = (app.state.my_votes || {})[String(id)] || 0;
    return pending("vote").filter((i) => i.payload.idea_id === id).length -
      pending("unvote").filter((i) => i.payload.idea_id === id).length + base;
  }
  function used() {
    const votes = app.state.my_votes || {};
    const base = Object.values(votes).reduce((a, b) => a + b, 0);
    return base + pending("vote").length - pending("unvote").length;
  }
  function build() {
    const ideas = app.state.ideas || [];
    cards = new Map();
    grid.replaceChildren(...ideas.map((idea) => {
      const dots = el("span", { class: "t-my-dots", role: "img",
                                "aria-label": t("your_votes") + ": 0" });
      const tally = el("span", { class: "t-tally", hidden: true });
      const cat = categoryOf(idea.category);
      const main = button("t-vote-main", { "aria-label": t("add_vote") + ": " + ideaText(idea),
                                           onclick: () => vote(idea.id) }, [
        ideaPictures(idea, "t-idea-pics") ||
          el("div", { class: "t-idea-pics is-none", "aria-hidden": "true" },
             [icon(cat ? cat.icon : "💡")]),
        el("p", { class: "t-vote-text" }, [cat ? icon(cat.icon) : null, cat ? " " : null,
                                           ideaText(idea)]),
        idea.title && idea.text && idea.text !== idea.title
          ? el("p", { class: "t-vote-sub", text: idea.text }) : null,
      ]);
      const minus = button("t-minus", { "aria-label": t("unvote"), title: t("unvote"),
                                        onclick: () => unvote(idea.id) }, [icon("–")]);
      const plus = button("t-plus", { "aria-label": t("add_vote"), title: t("add_vote"),
                                      onclick: () => vote(idea.id) }, [icon("+")]);
      const card = el("article", { class: "t-vote-card" }, [
        main, tally, speakButton(() => ideaWords(idea), { cls: "t-speak-mini t-speak-corner" }),
        el("div", { class: "t-vote-bar" }, [minus, dots, plus]),
      ]);
      cards.set(idea.id, { card, main, minus, plus, dots, tally });
      return card;
    }));
    if (!ideas.length) {
      grid.replaceChildren(el("p", { class: "t-empty" }, [icon("💭"),
                                                           el("span", { text: t("nothing_yet") })]));
    }
  }
  function vote(id) {
    if (budget - used() <= 0 || mineOn(id) >= maxPer) return;
    send("vote", { idea_id: id });
  }
  function unvote(id) {
    if (mineOn(id) <= 0) return;
    send("unvote", { idea_id: id });
  }
  return {
    words: () => [leftText.textContent, t("tap_to_vote"),
                  ...(app.state.ideas || []).map(ideaWords)],
    node: el("div", { class: "t-vote" }, [
      leftBox,
      hint,
      grid,
    ]),
    update() {
      const ideas = app.state.ideas || [];
      const key = ideas.map((i) => i.id + ":" + (i.title || "") + ":" + i.text).join("|");
      if (key !== ideasKey) { ideasKey = key; build(); }
      const left = Math.max(0, budget - used());
      leftText.textContent = left > 0 ? t("votes_left", { n: left }) : t("no_votes_left");
      const dots = [];
      for (let i = 0; i < budget; i++) {
        dots.push(el("span", { class: "t-vdot" + (i < left ? " is-free" : "") }));
      }
      leftDots.replaceChildren(...dots);
      leftBox.classList.toggle("is-empty", left === 0);
      hint.hidden = left === 0;
      const tally = app.state.revealed && app.state.tally ? app.state.tally.votes || {} : null;
      cards.forEach((c, id) => {
        const mine = mineOn(id);
        const full = left <= 0 || mine >= maxPer;
        c.main.disabled = full && mine === 0;
        c.plus.disabled = full;
        c.minus.disabled = mine <= 0;
        c.card.classList.toggle("is-voted", mine > 0);
        c.card.classList.toggle("is-full", full && mine === 0);
        const d = [];
        for (let i = 0; i < mine; i++) d.push(el("span", { class: "t-vdot is-mine" }));
        c.dots.replaceChildren(...d);
        c.dots.setAttribute("aria-label", t("your_votes") + ": " + mine);
        c.tally.hidden = !tally;
        if (tally) {
          c.tally.replaceChildren(icon("🗳"), el("span", { text: String(tally[String(id)] || 0) }));
        }
      });
    },
  };
}
