/* Step kind `vote`: the ideas to vote on while hidden; once revealed, the ranking with a
 * dot per vote. */

import { el, t } from "../../common/live.js";
import {
  bump,
  ideaCard,
  ideaSig,
  ideaWordsNodes,
  moreLine,
  newestOnWall,
  RANK_MAX,
  shownIdeas,
} from "../builders.js";
import { fitGrid, fitRanking, IDEA_FIT } from "../fit.js";
import { L } from "../page.js";

export const vote = {
  mount(box, state) {
    this.revealed = state.revealed;
    this.voters = el("p", { class: "v-voters" });
    this.shortlistNote = el("p", { class: "v-shortlist", text: "⭐ " + t("vote_on_shortlist") });
    this.shortlistNote.hidden = !state.from_shortlist;
    if (!state.revealed) {
      this.wall = el("div", { class: "ideawall fit" });
      this.more = moreLine("💡");
      box.append(el("div", { class: "v-banner" }, [
        this.voters, el("p", { class: "v-hint", text: "🙈 " + t("results_hidden") }),
        this.shortlistNote, this.more,
      ]), this.wall);
    } else {
      this.list = el("ol", { class: "ranking" });
      this.more = el("p", { class: "wall-more" });
      this.more.hidden = true;
      box.append(el("div", { class: "v-banner small" },
                    [this.voters, this.shortlistNote, this.more]), this.list);
    }
  },
  update(state) {
    const tally = state.tally || { votes: {}, voters: 0 };
    this.voters.textContent = "🗳️ " + t("n_voted", { n: tally.voters || 0 });
    this.shortlistNote.hidden = !state.from_shortlist;
    let ideas = shownIdeas(state);
    if (!this.revealed) {
      ideas.sort((a, b) => a.id - b.id);
      const wall = newestOnWall(ideas, this.more, false);
      L.keyed(this.wall, wall, (i) => i.id, (i) => ideaCard(i, state, "plain"), ideaSig);
      fitGrid(this.wall, wall.length, IDEA_FIT);
      return;
    }
    const votes = (i) => tally.votes[String(i.id)] || 0;
    const ranked = ideas.sort((a, b) => (votes(b) - votes(a)) || (a.id - b.id));
    // the top RANK_MAX rows stay readable; the line says how many ideas there are
    this.more.hidden = ranked.length <= RANK_MAX;
    this.more.textContent = "🏆 " + t("n_ranked", { n: ranked.length, shown: RANK_MAX });
    ideas = ranked.slice(0, RANK_MAX);
    const max = Math.max(1, ...ideas.map(votes));
    L.keyed(this.list, ideas, (i) => i.id, (i) => {
      const pic = L.picture(i);
      const row = el("li", { class: "rank", "data-idea": String(i.id) }, [
        el("span", { class: "rank-pos" }),
        pic ? el("img", { class: "rank-pic", src: pic, alt: "" }) : el("span", { class: "rank-pic none", "aria-hidden": "true", text: L.categoryIcon(i, state) || "💡" }),
        el("div", { class: "rank-main" }, [ideaWordsNodes(i), el("div", { class: "rank-dots" })]),
        el("span", { class: "rank-num" }),
      ]);
      return row;
    }, ideaSig);
    let place = 0;
    Array.from(this.list.children).forEach((row, index) => {
      const idea = ideas[index];
      const n = votes(idea);
      // as many votes as the idea above: the same place (1, 2, 2, 4), not 2 and 3
      if (index === 0 || n !== votes(ideas[index - 1])) place = index + 1;
      row.querySelector(".rank-pos").textContent = String(place);
      bump(row.querySelector(".rank-num"), n);
      row.classList.toggle("top", n > 0 && n === max);
      const dots = row.querySelector(".rank-dots");
      dots.style.setProperty("--share", (n / max * 100) + "%");
      if (dots.childElementCount !== n) {
        const few = n <= 24;
        dots.classList.toggle("as-bar", !few);
        dots.replaceChildren(...(few ? Array.from({ length: n }, (_, k) => {
          const dot = el("span", { class: "dot" });
          dot.style.animationDelay = (k * 60) + "ms";
          return dot;
        }) : [el("span", { class: "bar-fill" })]));
      }
    });
    fitRanking(this.list, ideas.length);
  },
};
