/* Step kind `wrapup`: the top ideas (mine marked), the poll and card results of the
 * workshop, thanks. */

import { el, t } from "../../common/live.js";
import { app } from "../app.js";
import { ideaPictures, ideaText } from "../idea.js";
import { icon, text } from "../ui.js";

function summaryRows(entry) {
  /* A poll or card result of this workshop (only when the server sends `summary`). */
  const counts = entry.counts || {};
  const isCards = entry.step.kind === "cards";
  const rows = entry.step.choices.map((c) => ({
    choice: c, n: isCards ? counts[c.id + ":love"] || 0 : counts[c.id] || 0,
  })).filter((r) => r.n > 0).sort((a, b) => b.n - a.n).slice(0, 5);
  const most = rows.length ? rows[0].n : 1;
  return el("section", { class: "t-summary" }, [
    el("h3", { class: "t-h3" }, [icon(isCards ? "❤️" : "📊"),
                                 el("span", { text: text(entry.step.title) })]),
    ...rows.map((r) => el("div", { class: "t-sum-row" }, [
      icon(r.choice.icon, "t-sum-icon"),
      el("span", { class: "t-sum-label", text: text(r.choice.label) }),
      el("span", { class: "t-sum-bar" }, [
        el("span", { class: "t-sum-fill", style: "inline-size:" + Math.round(100 * r.n / most) + "%" }),
      ]),
      el("strong", { class: "t-sum-n", text: String(r.n) }),
    ])),
  ]);
}

export function wrapupView() {
  const list = el("ol", { class: "t-top-list" });
  const summary = el("div", { class: "t-summaries" });
  const thanks = el("div", { class: "t-welcome t-thanks" }, [
    el("div", { class: "t-wave" }, [
      el("span", { class: "t-wave-avatar", "aria-hidden": "true", text: app.me.avatar }),
      el("span", { class: "t-wave-hand", "aria-hidden": "true", text: "🎉" }),
    ]),
    el("p", { class: "t-lead", text: t("thanks") }),
  ]);
  const heading = el("h2", { class: "t-h2" }, [icon("🏆"), el("span", { text: t("top_ideas") })]);
  return {
    words: () => [list.hidden ? "" : t("top_ideas"),
                  ...[...list.querySelectorAll(".t-top-text")].map((n) => n.textContent.trim()),
                  t("thanks")],
    node: el("div", { class: "t-wrapup" }, [heading, list, summary, thanks]),
    update() {
      const top = app.state.step.top || 5;
      const ideas = (app.state.ideas || []).slice().sort((a, b) =>
        (b.shortlisted ? 1 : 0) - (a.shortlisted ? 1 : 0) || (b.score || 0) - (a.score || 0) ||
        a.id - b.id).slice(0, top);
      heading.hidden = list.hidden = ideas.length === 0;
      const sums = (app.state.summary || []).filter((x) => x && x.step &&
        Object.keys(x.counts || {}).length);
      summary.replaceChildren(...sums.map(summaryRows));
      thanks.classList.toggle("is-small", ideas.length > 0 || sums.length > 0);
      list.replaceChildren(...ideas.map((idea, n) => {
        const own = idea.author && app.me && idea.author.id === app.me.id;
        return el("li", { class: "t-top-item" + (own ? " is-own" : "") }, [
          el("span", { class: "t-rank", "aria-hidden": "true", text: String(n + 1) }),
          ideaPictures(idea, "t-top-pics"),
          el("div", { class: "t-top-words" }, [
            el("p", { class: "t-top-text" }, [idea.shortlisted ? icon("⭐") : null,
                                              idea.shortlisted ? " " : null, ideaText(idea)]),
            idea.author ? el("p", { class: "t-top-author" }, [icon(idea.author.avatar), " ",
                                                             idea.author.name]) : null,
          ]),
          typeof idea.score === "number" ? el("span", { class: "t-score" }, [
            el("span", { text: t("n_votes", { n: idea.score }) }),
          ]) : null,
        ]);
      }));
    },
  };
}
