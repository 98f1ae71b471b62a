/* Step kind `wrapup`: the podium of the top ideas, or else the poll and card results. */

import { el, t } from "../../common/live.js";
import { emptyState, ideaCard, ideaSig, shownIdeas } from "../builders.js";
import { L, tx } from "../page.js";

export const wrapup = {
  mount(box, state) {
    this.box = box;
    this.sig = null;
    this.state = state;
  },
  update(state) {
    const top = state.step.top || 5;
    const ideas = shownIdeas(state)
      .sort((a, b) => (b.shortlisted - a.shortlisted) || ((b.score || 0) - (a.score || 0)) || (a.id - b.id))
      .slice(0, top);
    const sig = JSON.stringify([ideas.map(ideaSig), ideas.map((i) => i.score), state.summary]);
    if (sig === this.sig) return;
    this.sig = sig;
    if (ideas.length) this.box.replaceChildren(podium(ideas, state));
    else if ((state.summary || []).length) this.box.replaceChildren(summary(state));
    else this.box.replaceChildren(emptyState("🌟", t("nothing_yet")));
  },
};

function podium(ideas, state) {
  const medals = ["🥇", "🥈", "🥉"];
  const podiumCard = (idea, place) => {
    const card = ideaCard(idea, state, "plain place" + place);
    if (idea.score) card.querySelector(".idea-badges").prepend(el("span", { class: "idea-score", text: "🗳️ " + idea.score }));
    return card;
  };
  const steps = [];
  [1, 0, 2].forEach((k) => {
    if (!ideas[k]) return;
    steps.push(el("div", { class: "podium-step p" + (k + 1) }, [
      el("span", { class: "medal", "aria-hidden": "true", text: medals[k] }),
      podiumCard(ideas[k], k + 1),
      el("div", { class: "plinth", "aria-hidden": "true", text: String(k + 1) }),
    ]));
  });
  const rest = ideas.slice(3).map((idea, k) => {
    const card = ideaCard(idea, state, "plain small");
    card.insertBefore(el("span", { class: "medal small", "aria-hidden": "true", text: String(k + 4) }), card.firstChild);
    if (idea.score) card.querySelector(".idea-badges").prepend(el("span", { class: "idea-score", text: "🗳️ " + idea.score }));
    return card;
  });
  return el("section", { class: "wrapup" + (rest.length ? " with-rest" : "") }, [
    el("div", { class: "podium" }, steps),
    rest.length ? el("div", { class: "rest" }, rest) : null,
  ]);
}

function summary(state) {
  const parts = (state.summary || []).map((entry) => {
    const step = entry.step;
    const counts = entry.counts || {};
    let body;
    if (step.kind === "poll") {
      const rows = (step.choices || []).map((c) => ({ c, n: counts[c.id] || 0 }))
        .sort((a, b) => b.n - a.n);
      const max = Math.max(1, ...rows.map((r) => r.n));
      body = el("ul", { class: "bars small" }, rows.map(({ c, n }) => el("li", { class: "bar-row" + (n === max && n ? " lead" : "") + (n ? "" : " zero") }, [
        el("span", { class: "bar-icon", "aria-hidden": "true", text: c.icon || "" }),
        el("span", { class: "bar-label", text: tx(c.label) }),
        el("span", { class: "bar-track" }, [(() => {
          const f = el("span", { class: "bar-fill" });
          f.style.inlineSize = (n / max * 100) + "%";
          return f;
        })()]),
        el("span", { class: "bar-num", text: String(n) }),
      ])));
    } else {
      const score = (c) => (counts[c.id + ":love"] || 0) * 2 + (counts[c.id + ":like"] || 0) - (counts[c.id + ":hmm"] || 0);
      const cards = (step.choices || []).slice().sort((a, b) => score(b) - score(a)).slice(0, 6);
      body = el("ul", { class: "mini-cards" }, cards.map((c) => el("li", { class: "mini-card" }, [
        el("span", { class: "card-icon", "aria-hidden": "true", text: c.icon || "" }),
        el("span", { class: "mini-title", text: tx(c.label) }),
        el("span", { class: "card-reactions" }, L.REACTIONS.map(([key, icon]) => {
          const n = counts[c.id + ":" + key] || 0;
          return el("span", { class: "r " + key + (n ? "" : " zero"), title: t(key) }, [
            el("span", { "aria-hidden": "true", text: icon }), el("span", { class: "r-num", text: String(n) })]);
        })),
      ])));
    }
    return el("section", { class: "summary-part " + step.kind }, [
      el("h2", { class: "summary-title", text: tx(step.title) }), body,
    ]);
  });
  return el("div", { class: "summary" }, parts);
}
